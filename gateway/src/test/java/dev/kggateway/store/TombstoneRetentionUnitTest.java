package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The change feed refuses a tombstone retention that could delete a removal's stamp before an instance that missed it
 * has rebuilt from the store: the retention must outlast a rebuild period plus the overlap a poll looks back.
 */
class TombstoneRetentionUnitTest {

    private final KgConfig config = mock(KgConfig.class, RETURNS_DEEP_STUBS);

    private ChangeFeed feed(String retention, String rebuildPeriod, String overlap) {
        when(config.store().changeFeed().tombstoneRetention()).thenReturn(Duration.parse(retention));
        when(config.store().changeFeed().rebuildPeriod()).thenReturn(Duration.parse(rebuildPeriod));
        when(config.store().changeFeed().overlap()).thenReturn(Duration.parse(overlap));
        ChangeFeed feed = new ChangeFeed();
        feed.config = config;
        return feed;
    }

    @Test
    void defaultsAreAccepted() {
        assertDoesNotThrow(() -> feed("PT24H", "PT1H", "PT60S").checkTombstoneRetention());
    }

    @Test
    void zeroKeepsTombstonesForeverWhateverTheRebuildPeriod() {
        assertDoesNotThrow(() -> feed("PT0S", "PT0S", "PT60S").checkTombstoneRetention());
    }

    @Test
    void retentionNotBeyondRebuildPeriodPlusOverlapIsRefusedNamingTheKeys() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> feed("PT1H1M", "PT1H", "PT60S").checkTombstoneRetention());
        assertTrue(e.getMessage().contains("kg.store.change-feed.tombstone-retention"), e.getMessage());
        assertTrue(e.getMessage().contains("kg.store.change-feed.rebuild-period"), e.getMessage());
        assertDoesNotThrow(() -> feed("PT1H1M1S", "PT1H", "PT60S").checkTombstoneRetention());
    }

    @Test
    void pruningWithoutPeriodicRebuildsIsRefused() {
        assertThrows(IllegalStateException.class, () -> feed("PT24H", "PT0S", "PT60S").checkTombstoneRetention());
    }
}
