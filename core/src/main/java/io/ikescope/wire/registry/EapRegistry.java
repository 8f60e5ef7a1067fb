package io.ikescope.wire.registry;

/** EAP registries (IANA "Extensible Authentication Protocol (EAP) Registry"). SKELETON: filled by the registry work. */
public final class EapRegistry {
    private EapRegistry() {
    }

    public static final Registry CODE = Registry.builder("EAP Codes").build();
    public static final Registry METHOD_TYPE = Registry.builder("EAP Method Types").build();
}
