package cn.talentexchange.notification;

/** What a notification is about; offers go out at high priority because they have a deadline. */
public enum NotificationKind {

	OFFER(true), REMINDER(false), CHANGE(false), CANCELLATION(false), SEAT_ACCEPTED(false), SEAT_UNFILLED(true),
	/** A secondment changed: nominated, approved by a side, active, extension asked or agreed, ended. */
	SECONDMENT(false);

	private final boolean urgent;

	NotificationKind(boolean urgent) {
		this.urgent = urgent;
	}

	public boolean urgent() {
		return urgent;
	}

}
