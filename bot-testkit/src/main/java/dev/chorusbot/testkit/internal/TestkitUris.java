package dev.chorusbot.testkit.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/** The URLs of the fakes' bound addresses, correct for IPv4 and IPv6 ({@code http://[::1]:port}). */
public final class TestkitUris {
    private TestkitUris() {}

    /** {@code http://host:port} for a bound server address; an IPv6 host is put in brackets. */
    public static URI http(InetSocketAddress address) {
        try {
            return new URI("http", null, address.getAddress().getHostAddress(), address.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URL for the address " + address, e);
        }
    }
}
