text("O", $fn = 40);
