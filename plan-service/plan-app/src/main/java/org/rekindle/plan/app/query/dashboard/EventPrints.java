package org.rekindle.plan.app.query.dashboard;

/**
 * The events a timeline day holds, as 64-bit prints of their ids (an open-addressing set of longs: about 16 bytes an
 * event, where the ids themselves would take about 100). A print not in the set is an event the day does not hold;
 * a print in it is almost surely one it does, but two ids may share a print, so the writer then asks the store.
 */
final class EventPrints {

    private static final long EMPTY = 0L;

    private long[] slots = new long[16];
    private int size;

    /** The print of an event id: FNV-1a over its characters, mixed by SplitMix64's finaliser; never {@code 0}. */
    static long of(String eventId) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < eventId.length(); i++) {
            hash = (hash ^ eventId.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash == EMPTY ? 1L : hash;
    }

    boolean contains(long print) {
        for (int slot = slotOf(print, slots.length); slots[slot] != EMPTY; slot = (slot + 1) & (slots.length - 1)) {
            if (slots[slot] == print) {
                return true;
            }
        }
        return false;
    }

    void add(long print) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (place(slots, print)) {
            size++;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long print : slots) {
            if (print != EMPTY) {
                place(larger, print);
            }
        }
        slots = larger;
    }

    /** Puts the print into the table unless it is there; returns whether it was added. */
    private static boolean place(long[] table, long print) {
        int slot = slotOf(print, table.length);
        while (table[slot] != EMPTY) {
            if (table[slot] == print) {
                return false;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        table[slot] = print;
        return true;
    }

    private static int slotOf(long print, int length) {
        return (int) (print ^ (print >>> 32)) & (length - 1);
    }
}
