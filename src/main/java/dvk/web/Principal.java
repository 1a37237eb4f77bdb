package dvk.web;

import dvk.store.User;

/**
 * The person behind a request: signed in with a session cookie (whose forms carry {@code csrf}), or
 * calling the API with a token (which needs no form token: it is not sent by a browser on its own).
 */
record Principal(User user, String sessionHash, String csrf) {
    boolean viaToken() {
        return sessionHash == null;
    }
}
