package org.rekindle.issuer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** Who coaches whom, for services (client credentials, scope directory.read). No passwords ever leave here. */
@RestController
@RequestMapping(path = "/api/directory", produces = "application/json")
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/users/{userId}")
    Map<String, Object> user(@PathVariable String userId) {
        DirectoryUser user = directory.find(userId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user"));
        return view(user);
    }

    @GetMapping("/coaches/{coachId}/clients")
    List<Map<String, Object>> clientsOf(@PathVariable String coachId) {
        return directory.clientsOf(coachId).stream().map(DirectoryController::view).toList();
    }

    private static Map<String, Object> view(DirectoryUser user) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", user.id());
        view.put("name", user.name());
        view.put("pronouns", user.pronouns());
        view.put("roles", user.roles());
        view.put("practice", user.practice());
        view.put("coach", user.coach());
        return view;
    }
}
