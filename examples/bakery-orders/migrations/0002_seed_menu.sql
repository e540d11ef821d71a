-- Today's menu. Prices in cents.
INSERT INTO menu_items (id, name, description, price_cents, available) VALUES
    (1, 'Sourdough loaf', 'Naturally leavened, 800 g', 650, 1),
    (2, 'Baguette', 'Classic French stick', 280, 1),
    (3, 'Croissant', 'All-butter, laminated by hand', 240, 1),
    (4, 'Cinnamon bun', 'Cardamom dough, cinnamon sugar', 320, 1),
    (5, 'Rye bread', 'Dense, 100% rye with seeds', 590, 1),
    (6, 'Stollen', 'Seasonal; back in December', 1450, 0);
