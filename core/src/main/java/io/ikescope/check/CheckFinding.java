package io.ikescope.check;

/**
 * Something worth knowing about a simulated negotiation that is not its verdict: an INVALID_KE_PAYLOAD round trip,
 * narrowed traffic selectors, a lifetime that expires before the peer rekeys, a certificate that was not checked.
 *
 * @param code     stable upper-case name ({@code INVALID_KE_RETRY}, {@code TS_NARROWED}, {@code HALF_UP}, ...)
 * @param severity "warning" (may break or weaken the tunnel) or "info"
 */
public record CheckFinding(String code, String severity, String message) {

    public static CheckFinding warning(String code, String message) {
        return new CheckFinding(code, "warning", message);
    }

    public static CheckFinding info(String code, String message) {
        return new CheckFinding(code, "info", message);
    }
}
