"""Packages of a built site for other systems: SCORM 1.2 for an LMS."""
