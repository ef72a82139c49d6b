package org.rekindle.local;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The demo seed's steps (a person made reachable, a plan assigned, a journal call, a plan settled): counted before
 * the seed by running the practice's script without calling anything, then reported as each one is done.
 */
final class SeedSteps {

    private SeedSteps() {
    }

    /** How many plan and journal steps the practice's script takes, and one for Maya's calendar. */
    static int of(DemoPractice practice) {
        int[] steps = {0};
        practice.clients((client, timezone, startDate) -> steps[0]++, reporting(null, () -> steps[0]++),
                         (client, answeredStep, leaveOpen, skip) -> steps[0]++).forEach(Runnable::run);
        return steps[0] + 1;
    }

    /**
     * The journal, telling {@code afterEach} after every call it answered; without a journal (counting), a call
     * that returns an id returns a made-up one.
     */
    static DemoJournal reporting(DemoJournal journal, Runnable afterEach) {
        return (DemoJournal) Proxy.newProxyInstance(DemoJournal.class.getClassLoader(), new Class<?>[]{DemoJournal.class},
                (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = journal == null ? (method.getReturnType() == String.class ? "counted" : null)
                                                 : method.invoke(journal, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                    afterEach.run();
                    return answer;
                });
    }
}
