package io.ikescope.probe.against;

import java.util.List;

/**
 * One local connection weighed against what the probed peer accepts.
 *
 * @param ikeVersion the version the connection speaks (0 "either" is weighed as IKEv2, what it initiates)
 * @param verdict    whether its proposals meet what the peer accepts
 * @param inferred   true when the answer rests on per-type results (the full combinations were not all tested)
 * @param matching   the connection's proposals the peer accepts, in the connection's order (contract names)
 * @param changes    what to change when it fails, one sentence each
 */
public record ConnectionFit(String connection, String origin, int ikeVersion, Verdict verdict, boolean inferred,
                            List<String> matching, List<String> changes) {
    public enum Verdict { NEGOTIATES, FAILS, NOT_PROBED }

    public ConnectionFit {
        matching = List.copyOf(matching);
        changes = List.copyOf(changes);
    }
}
