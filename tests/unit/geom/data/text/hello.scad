text("Hello, World!", size = 6);
