"""The steerlog domain: committees, meetings, speeches, conclusions and assignments."""
