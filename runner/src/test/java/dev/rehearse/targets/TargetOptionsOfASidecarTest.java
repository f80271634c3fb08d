package dev.rehearse.targets;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A sidecar's target options: those its kind reads, by name, under the command line's; none another kind reads. */
class TargetOptionsOfASidecarTest {

    @Test
    void theKindsOwnOptionsAndThoseItAlsoReadsApplyUnderTheCommandLines() {
        TargetOptions given = TargetOptions.defaults().with("--ssh-config", "/etc/given");
        TargetOptions all = Targets.withSidecars(given, "container", Map.of("kind", "container", "network", "host",
                "ssh-config", "none", "accept-new", "yes"), "runbook.yaml");
        assertEquals("host", all.value("--network"));
        assertEquals("/etc/given", all.value("--ssh-config"), "the command line's wins");
        assertEquals("true", all.value("--accept-new"), "a flag's yes");
    }

    @Test
    void anOptionTheKindDoesNotReadIsBadInput() {
        BadInput wrong = assertThrows(BadInput.class, () -> Targets.withSidecars(TargetOptions.defaults(),
                "ssh://u@h", Map.of("kind", "ssh://u@h", "network", "host"), "runbook.yaml"));
        assertEquals("runbook.yaml: target: network: the ssh target reads no such option", wrong.getMessage());
    }
}
