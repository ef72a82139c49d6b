package org.rekindle.journal.app.config;

import org.rekindle.platform.directory.PeopleDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration
class JournalDirectoryConfig {

    /** Display names for exports and the access ledger; with no directory configured, people are named by id. */
    @Bean
    PeopleDirectory peopleDirectory(RestClient.Builder builder,
                                    @Value("${rekindle.journal.directory.url:}") String url,
                                    @Value("${rekindle.journal.directory.client-id:}") String clientId,
                                    @Value("${rekindle.journal.directory.client-secret:}") String secret) {
        return new PeopleDirectory(builder, url, clientId, secret);
    }
}
