package org.rekindle.web.client;

import org.rekindle.web.api.Viewer;
import org.rekindle.web.view.Conversations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's side of the conversation with their coach (linked from Today). */
@Controller
@RequestMapping("/me/messages")
class MyMessagesController {

    private static final String BASE = "/me/messages";

    private final Conversations conversations;

    MyMessagesController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping
    String page(@ModelAttribute("viewer") Viewer viewer, Model model) {
        conversations.show(viewer.id(), Conversations.CLIENT, BASE, model);
        return "client/messages";
    }

    @GetMapping("/thread")
    String thread(@ModelAttribute("viewer") Viewer viewer, Model model) {
        conversations.show(viewer.id(), Conversations.CLIENT, BASE, model);
        return "conversation :: thread";
    }

    @GetMapping(path = "/live", produces = "text/event-stream")
    SseEmitter live(@ModelAttribute("viewer") Viewer viewer) {
        return conversations.live(viewer.id());
    }

    @PostMapping
    String send(@ModelAttribute("viewer") Viewer viewer, @RequestParam(defaultValue = "") String text,
                RedirectAttributes flash) {
        conversations.send(viewer.id(), text);
        flash.addFlashAttribute("notice", "Message sent.");
        return "redirect:" + BASE + "#reply";
    }
}
