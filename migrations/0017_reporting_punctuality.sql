-- Punctuality of disclosure (报送及时率, src/lib/punctuality.ts): each rollup also counts
-- the returns first recorded by the reporting deadline (on_time), those first recorded
-- after it (late) and their days late summed (days_late). Rollups written before this
-- migration have NULL here (not counted), and show no punctuality until the next change
-- of their returns rewrites them.
ALTER TABLE region_period_stats ADD COLUMN on_time INTEGER CHECK (on_time IS NULL OR on_time >= 0);
ALTER TABLE region_period_stats ADD COLUMN late INTEGER CHECK (late IS NULL OR late >= 0);
ALTER TABLE region_period_stats ADD COLUMN days_late INTEGER CHECK (days_late IS NULL OR days_late >= 0);
