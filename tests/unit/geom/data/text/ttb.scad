text("AA", size = 20, direction = "ttb");
