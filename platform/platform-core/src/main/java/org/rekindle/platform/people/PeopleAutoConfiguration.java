package org.rekindle.platform.people;

import org.rekindle.platform.directory.PeopleDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * People's display names for a service (exports, ledgers, emails) from the issuer's directory:
 * {@code rekindle.directory.url} with the services' client credentials. With no URL, people are named by their id.
 */
@AutoConfiguration
public class PeopleAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PeopleDirectory peopleDirectory(RestClient.Builder builder,
                                           @Value("${rekindle.directory.url:}") String url,
                                           @Value("${rekindle.directory.client-id:}") String clientId,
                                           @Value("${rekindle.directory.client-secret:}") String secret) {
        return new PeopleDirectory(builder, url, clientId, secret);
    }
}
