package cn.talentexchange.expert;

import java.time.Instant;

/** A phone that receives push notifications, by the registration token its Firebase SDK gave it. */
public record Device(String id, String token, Platform platform, Instant registeredAt, Instant lastSeenAt) {

	public enum Platform { ANDROID, IOS, WEB }

}
