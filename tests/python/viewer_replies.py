"""Records what a widget sends to its viewer (custom messages), for the
tests that answer export requests."""
import threading


class Replies:
    def __init__(self, viewer):
        self.messages = []
        self.done = threading.Event()
        viewer.send = self.send

    def send(self, content, buffers=None):
        self.messages.append((content, buffers))
        self.done.set()

    def wait(self):
        assert self.done.wait(30)
        self.done.clear()
        return self.messages[-1]
