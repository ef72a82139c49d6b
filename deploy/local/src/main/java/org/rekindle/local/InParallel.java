package org.rekindle.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Starts things side by side, a few at a time, and waits for all of them: a Spring context starts on one thread and
 * is mostly CPU-bound, so two cores start two services in about the time of one. Every start is waited for even when
 * one fails (a server that came up is then in the result and can be stopped; nothing is left running unseen), and
 * the first failure is rethrown as it was thrown.
 */
final class InParallel {

    private InParallel() {
    }

    /** At most this many at once: the cores there are, at most four (more only adds contention). */
    static int lanes() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The started things in the order given; {@code onStarted} sees each as soon as it is up (on its thread). */
    static <T> List<T> start(List<Supplier<T>> starts, java.util.function.Consumer<T> onStarted) {
        return all(starts, onStarted, lanes(), "rekindle-start-");
    }

    /**
     * Runs each task on a lane of its own and waits for all, rethrowing the first failure: for work that mostly waits
     * on other processes (the demo seed's API calls), where the cores are not the limit.
     */
    static void runEach(List<Runnable> tasks) {
        all(tasks.stream().<Supplier<Boolean>>map(task -> () -> {
            task.run();
            return true;
        }).toList(), done -> { }, Math.max(1, tasks.size()), "rekindle-seed-");
    }

    private static <T> List<T> all(List<Supplier<T>> starts, java.util.function.Consumer<T> onStarted, int lanes,
                                   String threadName) {
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(lanes, task -> {
            Thread thread = new Thread(task, threadName + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> start : starts) {
                futures.add(pool.submit(() -> {
                    T started = start.get();
                    onStarted.accept(started);
                    return started;
                }));
            }
            List<T> started = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<T> future : futures) {
                try {
                    started.add(future.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : unchecked(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure != null ? failure : new IllegalStateException("interrupted while starting", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return started;
        } finally {
            pool.shutdown();
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
