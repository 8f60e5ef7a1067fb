/**
 * {@code ikescope probe}: asks one IKE responder what it accepts. Sends only first messages (IKEv2 IKE_SA_INIT,
 * IKEv1 Main Mode MM1 and, when asked, Aggressive Mode AM1), never authenticates, never completes an exchange past
 * the first, and sends nothing to any address but the target ({@link io.ikescope.probe.net.ProbeChannel} is
 * connected to it). Every packet waits for the rate limiter, every wait has an end, and the whole run has a time
 * bound.
 *
 * <p>Layout: {@code net} (the socket, rate limit, time bound, pcap of what was sent and received), {@code wire}
 * (message encoding), {@code keyexchange} (KE payload values for both versions), {@code ikev2} and {@code ikev1} (one prober per version: what to ask, what the answers
 * mean), {@code fingerprint} (vendor IDs and the retransmission schedule), {@code against} (a local configuration
 * weighed against the answers).
 */
package io.ikescope.probe;
