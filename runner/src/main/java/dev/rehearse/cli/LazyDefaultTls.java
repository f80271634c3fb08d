package dev.rehearse.cli;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * The process's default TLS context, made by the JDK when something first uses it rather than when something first
 * asks for it. The Docker client asks for it as it opens, for an engine over TLS, and then reaches the local engine
 * over its socket: loading the JDK's trusted certificates for nothing was about a third of opening the client, on
 * the way to every container run's first step. Every use is handed to the JDK's own default context ("Default"),
 * made at the first, so anything that does use TLS gets what it would have got.
 * <p>
 * Only the command line installs it ({@link #install()}): a program that embeds Rehearse, such as the JUnit engine in
 * a build's test JVM, keeps the default it has or sets.
 */
final class LazyDefaultTls extends SSLContext {
    LazyDefaultTls() {
        super(new Deferred(), new Provider("RehearseLazyDefault", "1", "the JDK's default TLS context, when used") {
        }, "Default");
    }

    /** Makes this the default context of this process; call before anything asks for the default. */
    static void install() {
        SSLContext.setDefault(new LazyDefaultTls());
    }

    /** Each call made on the JDK's default context, which the first one makes. */
    private static final class Deferred extends SSLContextSpi {
        private volatile SSLContext made;

        private SSLContext jdks() {
            SSLContext context = made;
            if (context == null) {
                synchronized (this) {
                    context = made;
                    if (context == null) {
                        try {
                            context = SSLContext.getInstance("Default");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("internal error: this JDK has no default TLS context", e);
                        }
                        made = context;
                    }
                }
            }
            return context;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            jdks().init(keys, trust, random); // refused, as the JDK's default context is initialized already
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return jdks().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return jdks().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return jdks().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return jdks().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return jdks().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return jdks().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return jdks().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return jdks().getSupportedSSLParameters();
        }
    }
}
