package io.ikescope.config;

/** The implementations whose configurations ikescope reads; the name is how reports write it. */
public enum Implementation {
    STRONGSWAN("strongSwan"),
    LIBRESWAN("libreswan"),
    CISCO_IOS("Cisco IOS"),
    FORTIOS("FortiOS"),
    JUNOS("Juniper Junos"),
    MIKROTIK("MikroTik RouterOS");

    private final String displayName;

    Implementation(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
