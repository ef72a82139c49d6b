/** Kafka → the plan: a client's journal activity as commands on their plan (steps done by the journal). */
package org.rekindle.plan.app.messaging.in.activity;
