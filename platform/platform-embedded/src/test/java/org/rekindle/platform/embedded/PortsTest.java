package org.rekindle.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    private static final String SETTING = "--rekindle.kafka.port=<port> or env REKINDLE_KAFKA_PORT";

    @Test
    void requireFreeThrowsWithPortComponentAndSettingWhenTaken() throws Exception {
        try (ServerSocket blocker = new ServerSocket()) {
            blocker.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = blocker.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka broker", SETTING))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e).hasMessage("Port " + port + " (Kafka broker) is already in use. Stop what uses it"
                                + " or choose another port with " + SETTING + ".");
                    });
        }
    }

    @Test
    void aListenerOnTheWildcardAddressAlsoCounts() throws Exception {
        try (ServerSocket blocker = new ServerSocket()) {
            blocker.bind(new InetSocketAddress(0)); // 0.0.0.0 / ::
            int port = blocker.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka broker", SETTING))
                    .isInstanceOf(PortInUseException.class);
        }
    }

    @Test
    void freePortIsFreeAndZeroIsAlwaysFree() {
        int port = Ports.freePort();
        assertThat(port).isBetween(1, 65535);
        assertThatCode(() -> Ports.requireFree(port, "Kafka broker", SETTING)).doesNotThrowAnyException();
        assertThatCode(() -> Ports.requireFree(0, "Kafka broker", SETTING)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ports.requireFree(70000, "Kafka broker", SETTING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SETTING);
    }
}
