/** Time → the plan: the persisted schedule of a plan's checks ({@link PlanWork}) and the handlers that send commands. */
package org.rekindle.plan.app.messaging.in.deadlines;
