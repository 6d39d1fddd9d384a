text("ll");
