package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may open the workbench: this machine, and the addresses and networks named. */
class WorkbenchAccessTest {

    @Test
    void thisMachineAlwaysOthersOnlyWhenNamed() {
        assertTrue(WorkbenchAccess.LOCAL.allows("127.0.0.1"));
        assertTrue(WorkbenchAccess.LOCAL.allows("::1"));
        assertFalse(WorkbenchAccess.LOCAL.allows("10.1.2.3"));
        WorkbenchAccess staff = WorkbenchAccess.of(List.of("10.1.0.0/16", "192.168.5.7", "fd00:1::/32"));
        assertTrue(staff.allows("10.1.2.3"));
        assertTrue(staff.allows("10.1.255.255"));
        assertFalse(staff.allows("10.2.0.1"));
        assertTrue(staff.allows("192.168.5.7"));
        assertFalse(staff.allows("192.168.5.8"));
        assertTrue(staff.allows("fd00:1:2::9"));
        assertFalse(staff.allows("fd00:2::9"));
        assertFalse(staff.allows("not an address"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "staff.example|'staff.example' is not an address",
        "10.1.0.0/33|'10.1.0.0/33': the network's bits must be 0..32",
        "10.1.0.0/x|'10.1.0.0/x': the network's bits must be 0..32",
        "10.1.0.0/8/8|'10.1.0.0/8/8' is not an address",
        "cafe.beef|'cafe.beef' is not an address",
        "10.1.2|'10.1.2' is not an address",
        "999.1.1.1|'999.1.1.1' is not an address",
    })
    void aValueThatIsNoAddressIsRefusedSayingWhy(String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkbenchAccess.of(List.of(value)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void servingWithABadValueIsAUsageError() {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exit = org.policyclassifier.cli.Main.run(new String[] {"serve", "--workbench-from", "staff.example"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(2, exit, out.toString());
        assertTrue(err.toString().contains("--workbench-from: 'staff.example' is not an address"), err.toString());
    }
}
