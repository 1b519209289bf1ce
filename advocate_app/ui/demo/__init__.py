"""The training demo: its window and the trainer's section."""
