"""What leaves steerlog: notices, minutes, tracker reports, calendars, exports."""
