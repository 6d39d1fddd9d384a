text("O");
