package org.rekindle.platform.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Build step of a publishing app (exec-maven-plugin, {@code process-classes}, see the parent pom): writes its
 * AsyncAPI document into its classes, where {@code /asyncapi.json} serves it, and fails the build if the document
 * breaks the AsyncAPI 3.0 schema or an example does not match its schema.
 * <p>Arguments: service name, {@code *EventTypes} class, {@code *Topic} class, output file, then the source roots
 * of the contract (for descriptions). The contract classes come from the project's classpath.
 */
public final class GenerateAsyncApi {

    private GenerateAsyncApi() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: GenerateAsyncApi <service> <EventTypes class> <Topic class> <output> [source roots]");
        }
        EventContract contract = EventContract.load(args[0], args[1], args[2],
                                                    Thread.currentThread().getContextClassLoader());
        List<Path> sources = Arrays.stream(args, 4, args.length).map(Path::of).toList();
        ObjectNode document = AsyncApiDocument.of(contract, new JavadocDescriptions(sources));
        List<String> problems = AsyncApiChecks.problems(document, contract);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the AsyncAPI document of " + contract.service() + " is not valid:\n  "
                                            + String.join("\n  ", problems));
        }
        Path output = Path.of(args[3]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document)
                                  + "\n");
    }
}
