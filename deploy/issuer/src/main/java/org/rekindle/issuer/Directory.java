package org.rekindle.issuer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people of the practice, read once from a JSON file (the demo users by default). */
public class Directory {

    private final Map<String, DirectoryUser> users = new LinkedHashMap<>();

    public Directory(Resource source, ObjectMapper json) throws IOException {
        try (InputStream in = source.getInputStream()) {
            List<DirectoryUser> read = json.readValue(in, new TypeReference<>() { });
            read.forEach(user -> users.put(user.id(), user));
        }
    }

    public Optional<DirectoryUser> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public List<DirectoryUser> all() {
        return List.copyOf(users.values());
    }

    public List<DirectoryUser> clientsOf(String coachId) {
        return users.values().stream().filter(u -> u.is("CLIENT") && coachId.equals(u.coach())).toList();
    }
}
