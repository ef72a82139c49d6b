package org.rekindle.notification.app.messaging.in;

import org.bson.Document;
import org.rekindle.notification.app.engine.NotificationEngine;
import org.rekindle.notification.app.engine.NotificationWork;
import org.rekindle.notification.app.rules.Check;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Time as an input: a rule's check that fell due (also one that fell due while the service was down). */
@Component
class RuleCheckWork implements ScheduledWorkHandler {

    private final NotificationEngine engine;

    RuleCheckWork(NotificationEngine engine) {
        this.engine = engine;
    }

    @Override
    public WorkKind kind() {
        return NotificationWork.RULE_CHECK;
    }

    @Override
    public void run(ScheduledWork work) {
        Document p = work.payload();
        Map<String, String> params = new LinkedHashMap<>();
        p.get("params", Document.class).forEach((key, value) -> params.put(key, String.valueOf(value)));
        engine.check(p.getString("clientId"), new Check(p.getString("key"), Check.CheckKind.valueOf(p.getString("kind")),
                                                        p.getString("clientId"), work.dueAt(), params));
    }
}
