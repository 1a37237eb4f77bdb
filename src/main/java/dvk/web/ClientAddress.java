package dvk.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who sent a request, for the sign-in throttle, the audit log and the request log: the peer, or
 * when the peer is a proxy on this machine (the TLS proxy docs/workspace.md puts in front), the
 * client that proxy appended to {@code X-Forwarded-For}. Only a peer on this machine is believed:
 * from anywhere else the header is whatever the sender wrote.
 */
final class ClientAddress {
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {}

    static String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !loopback(peer)) return peer;
        // the last entry is the one the proxy added: the ones before it are the client's to write
        String client = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return ADDRESS.matcher(client).matches() ? client : peer;
    }

    private static boolean loopback(String address) {
        if (address == null || !ADDRESS.matcher(address.replace("[", "").replace("]", "")).matches()) return false;
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
