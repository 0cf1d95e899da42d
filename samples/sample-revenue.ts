/** The RECETTES sheet of the sample: invented figures in GNF. */
import { line, NBSP, type SampleSheet } from './sample-data';

export const revenue: SampleSheet = {
  name: 'RECETTES',
  forecastHeaders: ['Initiales', 'Définitives'],
  executionHeaders: ['Émis', 'Recouvré'],
  executedColumn: 2,
  revisedColumn: 1,
  grandTotalLabel: 'TOTAL GÉNÉRAL DES RECETTES',
  sections: [
    {
      banner: 'RECETTES DE FONCTIONNEMENT',
      totalLabel: 'TOTAL RECETTES DE FONCTIONNEMENT',
      chapters: [
        {
          code: '70',
          label: 'Recettes non fiscales',
          items: [
            {
              code: '701',
              label: 'Produits du domaine',
              lines: [
                line(
                  '7011',
                  'Location des boutiques et places de marché',
                  420e6,
                  450e6,
                  398_765_000,
                  352_410_500,
                ),
                line('7012', 'Droits de stationnement', 150e6, 150e6, 112_347_500, 101_220_000),
              ],
            },
            {
              code: '702',
              label: 'Produits des services',
              lines: [
                line('7021', "Frais d'état civil", 60e6, 60e6, 47_815_000, 47_815_000),
                line(
                  '7022',
                  "Frais de légalisation et de délivrance d'actes",
                  45e6,
                  50e6,
                  41_236_000,
                  40_987_000,
                ),
              ],
            },
            {
              code: '708',
              label: 'Produits divers',
              lines: [
                line('7080', 'Amendes et pénalités', 30e6, 30e6, 22_452_000, 19_310_000),
                line('7081', 'Produits exceptionnels', null, null, 27_540_000, 27_540_000),
              ],
            },
          ],
        },
        {
          code: '71',
          label: 'Recettes fiscales',
          items: [
            {
              code: '711',
              label: 'Impôts locaux',
              lines: [
                line(
                  '7111',
                  'Contribution foncière unique (CFU)',
                  900e6,
                  900e6,
                  713_288_400,
                  640_115_900,
                ),
                line('7112', 'Patentes et licences', 650e6, 700e6, '631 904 750', 587_002_300),
                line(
                  '7113',
                  'Taxe minimum de développement local',
                  250e6,
                  250e6,
                  176_431_000,
                  150_965_500,
                ),
              ],
            },
            {
              code: '712',
              label: 'Taxes sur les activités',
              lines: [
                line('7121', 'Taxe sur les marchés', 480e6, 520e6, 503_117_250, 489_660_000),
                line(
                  '7122',
                  'Taxe sur les gares routières',
                  210e6,
                  210e6,
                  187_612_300,
                  180_004_700,
                ),
                line('7123', 'Taxe sur la publicité', 35e6, 35e6, 25_906_000, 23_450_000),
              ],
            },
          ],
        },
        {
          code: '74',
          label: 'Dotations et transferts de fonctionnement',
          items: [
            line(
              '741',
              "Dotation de fonctionnement de l'État",
              600e6,
              600e6,
              574_218_630,
              `574${NBSP}218${NBSP}630`,
            ),
            line(
              '742',
              "Ristournes sur recettes de l'État",
              180e6,
              160e6,
              131_776_220,
              131_776_220,
            ),
          ],
        },
      ],
    },
    {
      banner: "RECETTES D'INVESTISSEMENT",
      totalLabel: "TOTAL RECETTES D'INVESTISSEMENT",
      chapters: [
        {
          code: '021',
          label: 'Virement de la section de fonctionnement',
          items: [
            line(
              '0211',
              'Virement de la section de fonctionnement',
              1_370e6,
              1_420e6,
              1_012_500_000,
              1_012_500_000,
            ),
          ],
        },
        {
          code: '10',
          label: 'Fonds propres et participations',
          items: [
            line(
              '102',
              'Participation des communautés aux projets',
              120e6,
              120e6,
              88_640_500,
              84_120_500,
            ),
          ],
        },
        {
          code: '13',
          label: "Subventions et fonds d'investissement",
          items: [
            line(
              '131',
              "Fonds d'investissement local (ANAFIC)",
              1_800e6,
              1_950e6,
              1_703_450_800,
              1_703_450_800,
            ),
            line('132', 'Fonds national de développement local (FNDL)', 500e6, 500e6, 0, 0),
            line(
              '133',
              'Subventions des partenaires au développement',
              350e6,
              420e6,
              316_903_000,
              316_903_000,
            ),
          ],
        },
      ],
    },
  ],
};
