package io.ikescope.wire.registry;

/**
 * EAP registries: IANA "Extensible Authentication Protocol (EAP) Registry" (last updated 2025-10-10).
 *
 * <p>Method names are spelled as tshark 4.0.17 prints them; IANA's names fill the types tshark lacks (54, 56).
 * Checked 2026-11-27 against {@code tshark -G values} and the IANA listing.
 */
public final class EapRegistry {
    private EapRegistry() {
    }

    /** IANA "Packet Codes". */
    public static final Registry CODE = Registry.builder("EAP Codes")
            .range(0, 0, "Unassigned")
            .add(1, "Request")
            .add(2, "Response")
            .add(3, "Success")
            .add(4, "Failure")
            .add(5, "Initiate")                          // RFC 6696
            .add(6, "Finish")                            // RFC 6696
            .range(7, 255, "Unassigned")
            .build();

    /** IANA "Method Types". */
    public static final Registry METHOD_TYPE = Registry.builder("EAP Method Types")
            .range(0, 0, "Reserved")
            .add(1, "Identity")
            .add(2, "Notification")
            .add(3, "Legacy Nak (Response Only)")
            .add(4, "MD5-Challenge EAP (EAP-MD5-CHALLENGE)")
            .add(5, "One-Time Password EAP (EAP-OTP)")
            .add(6, "Generic Token Card EAP (EAP-GTC)")
            .add(7, "Allocated")
            .add(8, "Allocated")
            .add(9, "RSA Public Key Authentication EAP (EAP-RSA-PKA)")
            .add(10, "DSS Unilateral EAP (EAP-DSS)")
            .add(11, "KEA EAP (EAP-KEA)")
            .add(12, "KEA Validate EAP (EAP-KEA-VALIDATE)")
            .add(13, "TLS EAP (EAP-TLS)")
            .add(14, "Defender Token EAP (EAP-AXENT)")
            .add(15, "RSA Security SecurID EAP (EAP-RSA-SECURID)")
            .add(16, "Arcot Systems EAP (EAP-ARCOT-SYSTEMS)")
            .add(17, "Cisco Wireless EAP / Lightweight EAP (EAP-LEAP)")
            .add(18, "GSM Subscriber Identity Modules EAP (EAP-SIM)")
            .add(19, "Secure Remote Password SHA1 Part 1 EAP (EAP-SRP-SHA1-PART1)")
            .add(20, "Secure Remote Password SHA1 Part 2 EAP (EAP-SRP-SHA1-PART2)")
            .add(21, "Tunneled TLS EAP (EAP-TTLS)")
            .add(22, "Remote Access Service EAP (EAP-RAS)")
            .add(23, "UMTS Authentication and Key Agreement EAP (EAP-AKA)")
            .add(24, "3Com Wireless EAP (EAP-3COM-WIRELESS)")
            .add(25, "Protected EAP (EAP-PEAP)")
            .add(26, "MS-Authentication EAP (EAP-MS-AUTH)")
            .add(27, "Mutual Authentication w/Key Exchange EAP (EAP-MAKE)")
            .add(28, "CRYPTOCard EAP (EAP-CRYPTOCARD)")
            .add(29, "MS-CHAP-v2 EAP (EAP-MS-CHAP-V2)")
            .add(30, "DynamID EAP (EAP-DYNAMID)")
            .add(31, "Rob EAP (EAP-ROB)")
            .add(32, "Protected One-Time Password EAP (EAP-POTP)")
            .add(33, "MS-Authentication TLV EAP (EAP-MS-AUTH-TLV)")
            .add(34, "SentriNET (EAP-SENTRINET)")
            .add(35, "Actiontec Wireless EAP (EAP-ACTIONTEC-WIRELESS)")
            .add(36, "Cogent Systems Biometrics Authentication EAP (EAP-COGENT-BIOMETRIC)")
            .add(37, "AirFortress EAP (EAP-AIRFORTRESS)")
            .add(38, "HTTP Digest EAP (EAP-HTTP-DIGEST)")
            .add(39, "SecureSuite EAP (EAP-SECURESUITE)")
            .add(40, "DeviceConnect EAP (EAP-DEVICECONNECT)")
            .add(41, "Simple Password Exponential Key Exchange EAP (EAP-SPEKE)")
            .add(42, "MOBAC EAP (EAP-MOBAC)")
            .add(43, "Flexible Authentication via Secure Tunneling EAP (EAP-FAST)")
            .add(44, "ZoneLabs EAP (EAP-ZLXEAP)")
            .add(45, "Link EAP (EAP-LINK)")
            .add(46, "Password Authenticated eXchange EAP (EAP-PAX)")
            .add(47, "Pre-Shared Key EAP (EAP-PSK)")
            .add(48, "Shared-secret Authentication and Key Establishment EAP (EAP-SAKE)")
            .add(49, "Internet Key Exchange v2 EAP (EAP-IKEv2)")
            .add(50, "UMTS Authentication and Key Agreement' EAP (EAP-AKA')")
            .add(51, "Generalized Pre-Shared Key EAP (EAP-GPSK)")
            .add(52, "Password EAP (EAP-pwd)")
            .add(53, "Encrypted Key Exchange v1 EAP (EAP-EKEv1)")
            .add(54, "EAP Method Type for PT-EAP")       // RFC 7171
            .add(55, "Tunneled EAP protocol")            // TEAP, RFC 7170 / RFC 9930
            .add(56, "Nimble out-of-band authentication for EAP (EAP-NOOB)") // RFC 9140
            .range(57, 253, "Unassigned")
            .add(254, "Expanded Type")
            .add(255, "Experimental")
            .build();
}
