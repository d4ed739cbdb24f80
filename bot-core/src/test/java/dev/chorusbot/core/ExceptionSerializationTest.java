package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions are Serializable; core's own keep their fields through a round trip. */
class ExceptionSerializationTest {

    @Test
    void aConfigurationExceptionKeepsItsProblems() throws Exception {
        ConfigurationException copy = roundTrip(new ConfigurationException(List.of("one", "two")));

        assertThat(copy.problems()).containsExactly("one", "two");
        assertThat(copy).hasMessage("2 configuration problems:\n  1) one\n  2) two");
    }

    @Test
    void anAdapterStoppedExceptionKeepsItsPlatform() throws Exception {
        AdapterStoppedException copy = roundTrip(new AdapterStoppedException(Platform.of("telegram"),
                new IllegalStateException("the token was rejected")));

        assertThat(copy.platform()).isEqualTo(Platform.of("telegram"));
        assertThat(copy.getCause()).hasMessage("the token was rejected");
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
