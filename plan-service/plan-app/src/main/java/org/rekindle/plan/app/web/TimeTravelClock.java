package org.rekindle.plan.app.web;

/**
 * Which clock time travel follows: HAPPENED folds what happened up to the instant, whenever it was logged; RECORDED
 * folds only what had been recorded by then, so the coach sees what their screen could show at that moment.
 */
enum TimeTravelClock {
    HAPPENED, RECORDED
}
