package org.rekindle.web.coach;

import org.rekindle.web.api.People;
import org.rekindle.web.view.Conversations;
import org.rekindle.web.view.Paths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coach's side of the conversation with one client (reached from the client's page and from an alert's
 * "Reply"). journal-service decides who takes part: another coach gets its 403.
 */
@Controller
@RequestMapping("/coach/clients/{clientId}/messages")
class CoachMessagesController {

    private final Conversations conversations;
    private final People people;

    CoachMessagesController(Conversations conversations, People people) {
        this.conversations = conversations;
        this.people = people;
    }

    @GetMapping
    String page(@PathVariable String clientId, Model model) {
        conversations.show(clientId, Conversations.COACH, "/coach/clients/" + clientId + "/messages", model);
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", people.nameWithPronouns(clientId));
        return "coach/messages";
    }

    @GetMapping("/thread")
    String thread(@PathVariable String clientId, Model model) {
        conversations.show(clientId, Conversations.COACH, "/coach/clients/" + clientId + "/messages", model);
        return "conversation :: thread";
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    SseEmitter live(@PathVariable String clientId) {
        return conversations.live(clientId);
    }

    @PostMapping
    String send(@PathVariable String clientId, @RequestParam(defaultValue = "") String text,
                RedirectAttributes flash) {
        conversations.send(clientId, text);
        flash.addFlashAttribute("notice", "Message sent.");
        return Paths.redirect("/coach/clients/", clientId) + "/messages#reply";
    }
}
