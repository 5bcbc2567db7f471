package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void unsetOrBlankGivesTheDefault() {
        assertEquals(10, Settings.intSetting("RNN_EPOCHS", null, 10, 1));
        assertEquals(10, Settings.intSetting("RNN_EPOCHS", "  ", 10, 1));
        assertEquals(2, Settings.intSetting("RNN_EPOCHS", " 2 ", 10, 1));
        assertEquals(3000, Settings.intSetting("RNN_TRAIN_LIMIT", "3000", 55_000, 1));
    }

    @Test
    void aBadValueNamesTheVariableAndWhatItMustBe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.intSetting("RNN_EPOCHS", "ten", 10, 1));
        assertEquals("the environment variable RNN_EPOCHS is 'ten' but must be a whole number >= 1 (up to 2147483647);"
                + " unset it for the default, 10", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Settings.intSetting("RNN_EPOCHS", "0", 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Settings.intSetting("RNN_EPOCHS", "2.5", 10, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> Settings.intSetting("RNN_TRAIN_LIMIT", "99999999999", 55_000, 1));
        assertEquals("the environment variable RNN_TRAIN_LIMIT is '99999999999' but must be a whole number >= 1"
                + " (up to 2147483647); unset it for the default, 55000", e.getMessage());
    }

    @Test
    void readsTheEnvironment() {
        // PATH is set in any test JVM and is not a number; an unset name gives the default
        assertThrows(IllegalArgumentException.class, () -> Settings.intFromEnvironment("PATH", 1, 1));
        assertEquals(7, Settings.intFromEnvironment("RNN_SETTINGS_TEST_SURELY_UNSET", 7, 1));
    }
}
