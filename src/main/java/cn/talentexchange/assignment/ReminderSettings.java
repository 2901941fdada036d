package cn.talentexchange.assignment;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lead how long before a visit's 08:00 start the first reminder goes out
 * @param morningAt when the reminder on the day of the visit goes out
 */
@ConfigurationProperties("talent.reminders")
public record ReminderSettings(@DefaultValue("48h") Duration lead, @DefaultValue("07:00") LocalTime morningAt) {
}
