package io.ikescope.session;

import java.util.List;

/**
 * Which implementation a vendor ID names, by the vendor text of {@link io.ikescope.wire.registry.VendorIds}. Only IDs
 * that name a product count: capability IDs (RFC 3947 NAT-T, DPD, XAUTH, Cisco Unity, Cisco Fragmentation, FlexVPN,
 * IKE fragmentation ...) are sent by many implementations (strongSwan sends Cisco Unity, Cisco Fragmentation and
 * FlexVPN when configured) and name none.
 */
public final class ImplementationNames {
    /** A vendor text prefix and the implementation it names. */
    private record Entry(String vendorPrefix, String implementation) {
    }

    /** Longer prefixes first where one starts another. */
    private static final List<Entry> PRODUCTS = List.of(
            new Entry("strongSwan", "strongSwan"),
            new Entry("Libreswan", "libreswan"),
            new Entry("Opportunistic IPsec (Libreswan)", "libreswan"),
            new Entry("FreeS/WAN, Openswan or Libreswan", "FreeS/WAN, Openswan or libreswan"),
            new Entry("CAN-IKEv2 (obsolete Openswan/Libreswan)", "Openswan or libreswan"),
            new Entry("Openswan", "Openswan"),
            new Entry("Linux FreeS/WAN", "FreeS/WAN"),
            new Entry("Cisco IOS", "Cisco IOS"),
            new Entry("Cisco Copyright", "Cisco"),
            new Entry("Cisco Delete Reason Supported", "Cisco"),
            new Entry("Cisco Dynamic Route Supported", "Cisco"),
            new Entry("Cisco GRE Mode Supported", "Cisco"),
            new Entry("Cisco VPN 3000 Client", "Cisco VPN 3000 Client"),
            new Entry("CISCO-CONCENTRATOR", "Cisco VPN 3000 Concentrator"),
            new Entry("Cisco (unidentified product)", "Cisco"),
            new Entry("Fortigate (Fortinet)", "FortiGate"),
            new Entry("Fortinet FortiGate", "FortiGate"),
            new Entry("Forticlient connect license (Fortinet)", "FortiClient"),
            new Entry("Endpoint Control (Fortinet)", "Fortinet"),
            new Entry("Auto-Discovery", "Fortinet"),
            new Entry("Exchange Interface IP (Fortinet)", "Fortinet"),
            new Entry("MS NT5 ISAKMPOAKLEY", "Microsoft Windows"),
            new Entry("MS-Negotiation Discovery Capable", "Microsoft Windows"),
            new Entry("Microsoft Xbox", "Microsoft Xbox"),
            new Entry("Microsoft", "Microsoft Windows"),
            new Entry("Check Point", "Check Point"),
            new Entry("CryptoPro/GOST 1.0 / Check Point R71", "Check Point"),
            new Entry("KAME/racoon", "racoon (ipsec-tools)"),
            new Entry("IPSec-Tools", "racoon (ipsec-tools)"),
            new Entry("Mac OS X", "macOS"),
            new Entry("Netscreen", "Juniper NetScreen"),
            new Entry("SonicWall", "SonicWall"),
            new Entry("SonicWALL", "SonicWall"),
            new Entry("SafeNet, SonicWall or WatchGuard", "SafeNet, SonicWall or WatchGuard"),
            new Entry("SafeNet SoftRemote", "SafeNet SoftRemote"),
            new Entry("ZyXEL ZyWALL", "ZyXEL ZyWALL"),
            new Entry("ZYWALL", "ZyXEL ZyWALL"),
            new Entry("Shrew Soft", "Shrew Soft VPN Client"),
            new Entry("DPDv1_NG (Shrew Soft)", "Shrew Soft VPN Client"),
            new Entry("NCP client", "NCP Secure Client"),
            new Entry("Lucent VPN", "Lucent VPN"),
            new Entry("StoneGate", "Stonesoft StoneGate"),
            new Entry("Symantec Raptor", "Symantec Raptor"),
            new Entry("Timestep", "Timestep"),
            new Entry("Avaya", "Avaya"),
            new Entry("CyberGuard", "CyberGuard"),
            new Entry("Sidewinder", "Sidewinder"),
            new Entry("SIDEWINDER", "Sidewinder"),
            new Entry("ELVIS-PLUS Zastava", "ELVIS-PLUS Zastava"),
            new Entry("Netgear", "Netgear"),
            new Entry("VIA Client (Aruba Networks)", "Aruba VIA"),
            new Entry("Controller (Aruba Networks)", "Aruba"),
            new Entry("Remote AP (Aruba Networks)", "Aruba"),
            new Entry("SSH Sentinel", "SSH Sentinel"),
            new Entry("SSH Communications Security QuickSec", "SSH QuickSec"),
            new Entry("SSH Communications Security IPSEC Express", "SSH IPSEC Express"),
            new Entry("Ssh Communications Security IPSEC Express", "SSH IPSEC Express"));

    private ImplementationNames() {
    }

    /** The implementation a vendor ID's vendor text names, or null for a capability ID or an unknown one. */
    public static String of(String vendor) {
        if (vendor == null) {
            return null;
        }
        for (Entry e : PRODUCTS) {
            if (vendor.startsWith(e.vendorPrefix())) {
                return e.implementation();
            }
        }
        return null;
    }
}
