package dev.rehearse.cli;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.net.Socket;
import java.security.KeyManagementException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's default TLS context answers as the JDK's own default does, once it is used. */
class LazyDefaultTlsTest {
    private final SSLContext lazy = new LazyDefaultTls();

    @Test
    void itOffersWhatTheJdksDefaultOffers() throws Exception {
        SSLParameters jdks = SSLContext.getInstance("Default").getDefaultSSLParameters();
        SSLParameters ours = lazy.getDefaultSSLParameters();
        assertEquals(List.of(jdks.getProtocols()), List.of(ours.getProtocols()));
        assertEquals(List.of(jdks.getCipherSuites()), List.of(ours.getCipherSuites()));
        assertEquals(List.of(SSLContext.getInstance("Default").getSupportedSSLParameters().getProtocols()),
                List.of(lazy.getSupportedSSLParameters().getProtocols()));
    }

    @Test
    void itMakesWorkingSocketsAndEngines() throws Exception {
        try (Socket socket = lazy.getSocketFactory().createSocket()) {
            SSLSocket tls = assertInstanceOf(SSLSocket.class, socket);
            assertTrue(tls.getEnabledProtocols().length > 0);
        }
        SSLEngine engine = lazy.createSSLEngine("engine.example", 2376);
        assertEquals("engine.example", engine.getPeerHost());
        assertEquals(2376, engine.getPeerPort());
    }

    @Test
    void likeTheJdksDefaultItCannotBeInitializedAgain() {
        assertThrows(KeyManagementException.class, () -> SSLContext.getInstance("Default").init(null, null, null));
        assertThrows(KeyManagementException.class, () -> lazy.init(null, null, null));
    }
}
