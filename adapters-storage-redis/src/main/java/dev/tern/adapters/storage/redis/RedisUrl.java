package dev.tern.adapters.storage.redis;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Redis url taken apart, so that credentials go to the client separately and never appear in an
 * address, a log line or an exception message.
 *
 * @param address  {@code scheme://host:port} without credentials
 * @param user     the user name, or null
 * @param password the password, or null
 * @param database the database index, 0 unless the url has a path {@code /n}
 */
record RedisUrl(String address, String user, String password, int database) {

    private static final int DEFAULT_PORT = 6379;

    /** @throws IllegalArgumentException with the url redacted, if it is not a usable Redis url */
    static RedisUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis url: " + redact(url));
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("Redis url must be redis://host[:port] or rediss://...: " + redact(url));
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String user = null;
        String password = null;
        // Percent-decoded; the first ':' ends the user name, so a password may contain ':'.
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String name = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = name.isEmpty() ? null : name;
            password = colon < 0 ? null : userInfo.substring(colon + 1);
        }
        return new RedisUrl(scheme + "://" + uri.getHost() + ":" + port, user, password, database(uri, url));
    }

    /** The url as a reader may see it: the password, if any, replaced by {@code ***}. */
    String redacted() {
        String credentials = user == null && password == null ? ""
                : (user == null ? "" : user) + (password == null ? "" : ":***") + "@";
        int schemeEnd = address.indexOf("://") + 3;
        return address.substring(0, schemeEnd) + credentials + address.substring(schemeEnd) + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static int database(URI uri, String url) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Redis url path must be a database number: " + redact(url));
        }
    }

    /** Best effort for urls too broken to parse: drops everything between "://" and the last '@'. */
    private static String redact(String url) {
        int at = url.lastIndexOf('@');
        int schemeEnd = url.indexOf("://");
        return at < 0 || schemeEnd < 0 || at < schemeEnd ? url : url.substring(0, schemeEnd + 3) + "***" + url.substring(at);
    }
}
