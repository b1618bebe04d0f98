package dev.doppel.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every report states about the software that wrote it. */
final class Reports {
    private Reports() {}

    static Map<String, String> versions(String doppel) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("doppel", doppel);
        v.put("java", System.getProperty("java.version"));
        v.put("jvm", System.getProperty("java.vm.name"));
        return v;
    }
}
