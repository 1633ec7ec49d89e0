"""The shipped model files (package data): event_detector.npz + event_detector.json."""
