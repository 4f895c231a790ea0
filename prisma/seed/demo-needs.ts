import type { NeedInput } from '../../tests/factories/need';

// Real hromadas, from oblasts far from the front (Lviv, Zakarpattia, Vinnytsia) through those
// liberated in 2022 (Bucha, Irpin, Borodianka, Chernihiv) to the front line (Kharkiv, Kherson,
// Zaporizhzhia, Nikopol, Kramatorsk). Their hostility status comes from the official list, not
// from here. The needs are illustrative, written to resemble what such hromadas publish.
//
// Each is written in Ukrainian, as the hromada's official would write it (`title`,
// `description`), with Japanese and English translations a facilitator made (seeded as origin
// FACILITATOR). The English texts are the ones the end-to-end tests read on English pages and
// the Japanese ones on Japanese pages: change them together.

export const DEMO_HROMADAS = {
  kyiv: 'UA80000000000093317',
  odesa: 'UA51100270000073549',
  lviv: 'UA46060250000025047',
  dnipro: 'UA12020010000033698',
  vinnytsia: 'UA05020030000031457',
  uzhhorod: 'UA21100230000083101',
  irpin: 'UA32080150000035443',
  bucha: 'UA32080070000050759',
  borodianka: 'UA32080030000070006',
  chernihiv: 'UA74100390000073425',
  kharkiv: 'UA63120270000028556',
  izium: 'UA63040090000021240',
  mykolaiv: 'UA48060150000071713',
  kherson: 'UA65100150000057191',
  zaporizhzhia: 'UA23060070000082704',
  nikopol: 'UA12080050000062712',
  kramatorsk: 'UA14120090000098500',
  okhtyrka: 'UA59040110000026694',
} as const;

export type DemoHromada = keyof typeof DEMO_HROMADAS;

/** What a hromada writes about a need, in one language. */
export type NeedTexts = { title: string; description: string };

export type DemoNeed = Omit<
  NeedInput,
  'municipalityId' | 'hromadaCode' | 'budgetAmount' | 'title' | 'description' | 'language'
> & NeedTexts & {
  at: DemoHromada;
  budget?: number;
  /** The language `title` and `description` are written in: every demo hromada writes Ukrainian. */
  language: 'uk';
  translations: { en: NeedTexts; ja: NeedTexts };
};

const need = (at: DemoHromada, rest: Omit<DemoNeed, 'at' | 'language'>): DemoNeed => ({ at, language: 'uk', ...rest });

export const DEMO_NEEDS: DemoNeed[] = [
  need('kyiv', {
    title: 'Резервні генератори для 12 районних теплових станцій',
    description: 'Кожна станція повинна підтримувати роботу циркуляційних насосів під час знеструмлень тривалістю до 12 годин.',
    translations: {
      en: { title: 'Backup generators for 12 district heating stations', description: 'Each station must keep circulation pumps running through grid outages of up to 12 hours.' },
      ja: { title: '地域熱供給ステーション12か所の非常用発電機', description: '各ステーションで、最長12時間の停電の間も循環ポンプを動かし続けられることが条件です。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 1_800_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-10-004512-a', requiredCapabilities: ['POWER_GENERATORS'],
  }),
  need('kyiv', {
    title: 'Діагностичне обладнання для відновленого корпусу дитячої лікарні',
    description: 'Апарати УЗД, монітори пацієнта та навчання персоналу з технічного обслуговування для відділення на 40 ліжок.',
    translations: {
      en: { title: 'Diagnostic equipment for a rebuilt children’s hospital wing', description: 'Ultrasound, patient monitors and maintenance training for 40 beds.' },
      ja: { title: '再建した小児病院病棟の診断機器', description: '40床の病棟に向けた超音波診断装置と患者モニター、保守の研修。' },
    },
    sector: 'HEALTH', stage: 'RECONSTRUCTION', urgency: 'HIGH', budget: 3_200_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-03-007731-b', requiredCapabilities: ['MEDICAL_EQUIPMENT', 'TELEMEDICINE'],
  }),
  need('kyiv', {
    title: 'Оновлення трамвайного парку: перші 20 низькопідлогових вагонів',
    description: 'Заміна трамваїв, пошкоджених під час ударів по депо.',
    translations: {
      en: { title: 'Tram fleet renewal, first 20 low-floor cars', description: 'Replacement of trams damaged in strikes on depots.' },
      ja: { title: '路面電車の車両更新（第1期：低床車20両）', description: '車両基地への攻撃で損傷した路面電車の置き換え。' },
    },
    sector: 'TRANSPORT', stage: 'RECONSTRUCTION', urgency: 'MEDIUM', budget: 60_000_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-KYIV-TR-0042', requiredCapabilities: ['PUBLIC_TRANSPORT_VEHICLES'],
  }),
  need('odesa', {
    title: 'Мобільні установки очищення води для південних районів',
    description: 'Забезпечення питною водою 60 тис. мешканців у разі зупинки головної станції водопідготовки.',
    translations: {
      en: { title: 'Mobile water purification for the southern districts', description: 'Drinking water for 60,000 residents when the main treatment plant is cut off.' },
      ja: { title: '南部地区向けの移動式浄水装置', description: '主要な浄水場が止まったときに、住民6万人へ飲料水を届けます。' },
    },
    sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 900_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-21-002209-a', requiredCapabilities: ['WATER_PURIFICATION'],
  }),
  need('odesa', {
    title: 'Трансформатори для підстанцій після ударів по портовій зоні',
    description: 'Два трансформатори 110/10 кВ і комплектні розподільні пристрої.',
    translations: {
      en: { title: 'Substation transformers after port-area strikes', description: 'Two 110/10 kV transformers and switchgear.' },
      ja: { title: '港湾地区への攻撃を受けた変電所の変圧器', description: '110/10kV変圧器2台と開閉装置。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 3_500_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-04-07-001180-c', requiredCapabilities: ['GRID_EQUIPMENT'],
  }),
  need('odesa', {
    title: 'Підсилення конструкцій пошкоджених історичних житлових будинків',
    description: 'Обстеження конструкцій і проєкт підсилення 14 будинків в історичному центрі, що належить до Світової спадщини ЮНЕСКО.',
    translations: {
      en: { title: 'Retrofit of damaged historic apartment blocks', description: 'Structural survey and retrofit design for 14 blocks in the UNESCO-listed centre.' },
      ja: { title: '被災した歴史的集合住宅の補強', description: 'ユネスコ世界遺産の歴史地区にある14棟の構造調査と補強設計。' },
    },
    sector: 'HOUSING', stage: 'RECONSTRUCTION', urgency: 'MEDIUM', budget: 1_500_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-ODS-HS-0117', requiredCapabilities: ['SEISMIC_RETROFIT', 'ENGINEERING_DESIGN'],
  }),
  need('lviv', {
    title: 'Обладнання для реабілітаційного центру',
    description: 'Оснащення реабілітаційного центру, який приймає поранених з усіх областей.',
    translations: {
      en: { title: 'Rehabilitation centre equipment', description: 'Equipment for a rehabilitation centre serving wounded from all regions.' },
      ja: { title: 'リハビリテーションセンターの設備', description: '各州から負傷者を受け入れるリハビリテーションセンターの設備。' },
    },
    sector: 'HEALTH', stage: 'RECONSTRUCTION', urgency: 'HIGH', budget: 2_000_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-18-009921-a', requiredCapabilities: ['MEDICAL_EQUIPMENT'],
  }),
  need('lviv', {
    title: 'Модульне житло для внутрішньо переміщених сімей',
    description: '300 утеплених модульних будинків з підключенням до інженерних мереж.',
    translations: {
      en: { title: 'Modular housing for displaced families', description: '300 insulated modular homes with utilities.' },
      ja: { title: '避難世帯向けのモジュール住宅', description: 'ライフラインに接続した断熱モジュール住宅300戸。' },
    },
    sector: 'HOUSING', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 120_000_000, budgetCurrency: 'UAH', fundingSource: 'STATE_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-25-003377-b', requiredCapabilities: ['MODULAR_BUILDINGS'],
  }),
  need('lviv', {
    title: 'Цифрові класи для шкіл, що прийняли учнів-переселенців',
    description: 'Планшети, навчальний контент і підготовка вчителів для 25 шкіл.',
    translations: {
      en: { title: 'Digital classrooms for schools hosting displaced pupils', description: 'Tablets, content and teacher training for 25 schools.' },
      ja: { title: '避難してきた児童生徒を受け入れる学校のデジタル教室', description: '25校分のタブレット、教材コンテンツ、教員研修。' },
    },
    sector: 'EDUCATION', stage: 'RAPID_RECOVERY', urgency: 'MEDIUM', budget: 400_000, budgetCurrency: 'EUR', fundingSource: 'MUNICIPAL_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-04-01-006610-a', requiredCapabilities: ['EDUCATION_IT'],
  }),
  need('dnipro', {
    title: 'Когенераційні установки для лікарень',
    description: 'Газові когенераційні установки, щоб чотири лікарні могли працювати автономно від мережі.',
    translations: {
      en: { title: 'Cogeneration units for hospitals', description: 'Gas-fired cogeneration for four hospitals to run off-grid.' },
      ja: { title: '病院向けのコージェネレーション設備', description: '4つの病院が系統電力に頼らず稼働できるよう、ガスコージェネレーションを導入します。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 2_400_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-30-005533-a', requiredCapabilities: ['POWER_GENERATORS', 'HEATING_SYSTEMS'],
  }),
  need('dnipro', {
    title: 'Модульний травматологічний пункт',
    description: 'Контейнерний травматологічний і хірургічний блок поруч з обласною лікарнею.',
    translations: {
      en: { title: 'Modular trauma clinic', description: 'A containerised trauma and surgical unit next to the regional hospital.' },
      ja: { title: 'モジュール型の外傷診療所', description: '州立病院の隣に置く、コンテナ型の外傷・手術ユニット。' },
    },
    sector: 'HEALTH', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 1_200_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-27-001045-b', requiredCapabilities: ['MODULAR_CLINICS'],
  }),
  need('vinnytsia', {
    title: 'Модернізація каналізаційних очисних споруд',
    description: 'Блок біологічного очищення та лінія обробки осаду для 370 тис. мешканців.',
    translations: {
      en: { title: 'Wastewater treatment plant modernisation', description: 'Biological treatment stage and sludge handling for 370,000 people.' },
      ja: { title: '下水処理場の近代化', description: '37万人分の生物処理工程と汚泥処理設備。' },
    },
    sector: 'WATER_SANITATION', stage: 'RECONSTRUCTION', urgency: 'MEDIUM', budget: 14_000_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-VIN-WS-0008', requiredCapabilities: ['WASTEWATER_TREATMENT', 'ENGINEERING_DESIGN'],
  }),
  need('vinnytsia', {
    title: 'Сушіння та зберігання зерна для фермерських кооперативів',
    description: 'Дві лінії сушіння та сховище на 20 тис. т.',
    translations: {
      en: { title: 'Grain drying and storage for farmer cooperatives', description: 'Two drying lines and 20,000 t storage.' },
      ja: { title: '農業協同組合向けの穀物乾燥・貯蔵施設', description: '乾燥ライン2系統と2万トン分の貯蔵設備。' },
    },
    sector: 'AGRICULTURE', stage: 'RECONSTRUCTION', urgency: 'LOW', budget: 1_600_000, budgetCurrency: 'EUR', fundingSource: 'PRIVATE', procurementMethod: 'NONE', requiredCapabilities: ['FOOD_PROCESSING'],
  }),
  need('uzhhorod', {
    title: 'Енергоефективний дитячий садок для громади, що зростає',
    description: 'Дитячий садок на 200 місць: місто прийняло багато внутрішньо переміщених сімей.',
    translations: {
      en: { title: 'Energy-efficient kindergarten for a growing population', description: 'A 200-place kindergarten; the town has taken in many displaced families.' },
      ja: { title: '人口が増えているフロマーダの省エネ型幼稚園', description: '定員200人の幼稚園。市は多くの避難世帯を受け入れています。' },
    },
    sector: 'EDUCATION', stage: 'RECONSTRUCTION', urgency: 'MEDIUM', budget: 95_000_000, budgetCurrency: 'UAH', fundingSource: 'STATE_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-12-008814-a', requiredCapabilities: ['MODULAR_BUILDINGS', 'ENERGY_EFFICIENT_CONSTRUCTION'],
  }),
  need('uzhhorod', {
    title: 'Стійка мережа зв’язку для комунальних служб',
    description: 'Резервні супутникові канали для центру надання адміністративних послуг (ЦНАП) і лікарень.',
    translations: {
      en: { title: 'Resilient network for municipal services', description: 'Backup satellite links for the administrative service centre and hospitals.' },
      ja: { title: '自治体サービスを支える強靱な通信網', description: '行政サービスセンターと病院のための衛星バックアップ回線。' },
    },
    sector: 'COMMUNICATIONS', stage: 'RAPID_RECOVERY', urgency: 'LOW', budget: 150_000, budgetCurrency: 'EUR', fundingSource: 'MUNICIPAL_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-04-15-002290-b', requiredCapabilities: ['SATELLITE_COMMUNICATIONS'],
  }),
  need('irpin', {
    title: 'Відбудова зруйнованих багатоквартирних будинків',
    description: 'Проєктування та відбудова шести дев’ятиповерхових будинків, зруйнованих у березні 2022 року.',
    translations: {
      en: { title: 'Rebuilding destroyed apartment blocks', description: 'Design and reconstruction of six nine-storey blocks destroyed in March 2022.' },
      ja: { title: '破壊された集合住宅の再建', description: '2022年3月に破壊された9階建て住棟6棟の設計と再建。' },
    },
    sector: 'HOUSING', stage: 'RECONSTRUCTION', urgency: 'HIGH', budget: 22_000_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-IRP-HS-0003', requiredCapabilities: ['ENGINEERING_DESIGN', 'PROJECT_MANAGEMENT', 'ENERGY_EFFICIENT_CONSTRUCTION'],
  }),
  need('irpin', {
    title: 'Постійний міст через річку Ірпінь',
    description: 'Заміна мосту, підірваного у 2022 році; зараз рух іде тимчасовою переправою.',
    translations: {
      en: { title: 'Permanent bridge over the Irpin river', description: 'Replacement for the bridge blown up in 2022; a temporary crossing carries traffic today.' },
      ja: { title: 'イルピン川に架ける恒久橋', description: '2022年に爆破された橋の架け替え。現在は仮設の渡河路で交通を確保しています。' },
    },
    sector: 'TRANSPORT', stage: 'RECONSTRUCTION', urgency: 'HIGH', budget: 9_000_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-14-000771-a', requiredCapabilities: ['BRIDGE_ENGINEERING'],
  }),
  need('bucha', {
    title: 'Переробка будівельних відходів на основу для доріг',
    description: '45 тис. т відсортованих відходів бетону та цегли від знесених будівель.',
    translations: {
      en: { title: 'Recycling of demolition debris into road base', description: '45,000 t of sorted concrete and brick waste from demolished buildings.' },
      ja: { title: '解体がれきを道路の路盤材に再生', description: '解体した建物から出た、分別済みのコンクリート・れんが廃材4万5千トン。' },
    },
    sector: 'DEBRIS_REMOVAL', stage: 'RAPID_RECOVERY', urgency: 'MEDIUM', budget: 1_100_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-04-003325-a', requiredCapabilities: ['DEBRIS_RECYCLING'],
  }),
  need('bucha', {
    title: 'Сейсмо- та вибухостійке підсилення двох шкіл',
    description: 'Обстеження та підсилення будівель, зокрема укриттів, для 1400 учнів.',
    translations: {
      en: { title: 'Seismic and blast-resistant retrofit of two schools', description: 'Assessment and retrofit, including shelters, for 1,400 pupils.' },
      ja: { title: '学校2校の耐震・耐爆補強', description: '児童生徒1,400人が通う校舎の診断と補強（シェルターを含む）。' },
    },
    sector: 'EDUCATION', stage: 'RECONSTRUCTION', urgency: 'HIGH', budget: 2_800_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-BCH-ED-0021', requiredCapabilities: ['SEISMIC_RETROFIT', 'ENGINEERING_DESIGN'],
  }),
  need('borodianka', {
    title: 'Тимчасове модульне житло на час відбудови будинків',
    description: '120 модульних будиночків для мешканців зруйнованих багатоквартирних будинків.',
    translations: {
      en: { title: 'Temporary modular homes while blocks are rebuilt', description: '120 modular homes for residents of destroyed buildings.' },
      ja: { title: '住棟の再建までの仮設モジュール住宅', description: '破壊された集合住宅の住民のためのモジュール住宅120戸。' },
    },
    sector: 'HOUSING', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 2_500_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-19-004418-a', requiredCapabilities: ['MODULAR_BUILDINGS'],
  }),
  need('borodianka', {
    title: 'Розбирання завалів зруйнованих житлових будинків',
    description: 'Демонтаж і розчищення трьох обвалених будинків, зокрема поводження з азбестом.',
    translations: {
      en: { title: 'Clearance of collapsed residential buildings', description: 'Demolition and clearance of three collapsed blocks, with asbestos handling.' },
      ja: { title: '倒壊した住宅のがれき撤去', description: '倒壊した住棟3棟の解体と撤去（アスベストの処理を含む）。' },
    },
    sector: 'DEBRIS_REMOVAL', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 700_000, budgetCurrency: 'EUR', fundingSource: 'STATE_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-28-006102-b', requiredCapabilities: ['DEBRIS_CLEARANCE', 'HAZARDOUS_MATERIAL_HANDLING'],
  }),
  need('chernihiv', {
    title: 'Тимчасовий міст на київській трасі',
    description: 'Тимчасова переправа, яка відновить сполучення з Києвом за кілька днів після монтажу.',
    translations: {
      en: { title: 'Temporary bridge on the Kyiv road', description: 'A temporary crossing to restore the link to Kyiv within days of installation.' },
      ja: { title: 'キーウへ向かう道路の仮設橋', description: '設置から数日でキーウとの交通を取り戻す仮設の渡河路。' },
    },
    sector: 'TRANSPORT', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 1_300_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-21-005560-a', requiredCapabilities: ['TEMPORARY_BRIDGES'],
  }),
  need('chernihiv', {
    title: 'Обстеження лісів і сільгоспугідь на північ від міста',
    description: 'Нетехнічне та технічне обстеження 1200 га, забруднених вибухонебезпечними предметами у 2022 році.',
    translations: {
      en: { title: 'Survey of forest and farmland north of the city', description: 'Non-technical and technical survey of 1,200 ha contaminated in 2022.' },
      ja: { title: '市北部の森林・農地の調査', description: '2022年に爆発物で汚染された1,200ヘクタールの非技術調査と技術調査。' },
    },
    sector: 'DEMINING', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 800_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-06-001994-a', requiredCapabilities: ['MINE_DETECTION'],
  }),
  need('chernihiv', {
    title: 'Дахові сонячні станції з накопичувачами для шкіл',
    description: 'Забезпечити 30 школам освітлення та роботу автоматики опалення під час відключень.',
    translations: {
      en: { title: 'Rooftop solar and storage for schools', description: '30 schools able to keep lights and heating controls on during blackouts.' },
      ja: { title: '学校の屋根置き太陽光発電と蓄電池', description: '停電中も30校で照明と暖房の制御を保てるようにします。' },
    },
    sector: 'ENERGY', stage: 'RECONSTRUCTION', urgency: 'MEDIUM', budget: 900_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-04-09-007002-a', requiredCapabilities: ['SOLAR_AND_STORAGE'],
  }),
  need('kharkiv', {
    title: 'Мобільні генератори для водо- і теплопостачання',
    description: 'Генератори для насосних станцій і котелень, які регулярно зазнають обстрілів.',
    translations: {
      en: { title: 'Mobile generators for water and heating utilities', description: 'Generators for pumping and boiler stations under regular attack.' },
      ja: { title: '上水道・熱供給施設向けの移動式発電機', description: '繰り返し攻撃を受けているポンプ場とボイラー施設のための発電機。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 1_500_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-09-003003-a', requiredCapabilities: ['POWER_GENERATORS'],
  }),
  need('kharkiv', {
    title: 'Підземні шкільні класи',
    description: 'Облаштування класів, створених на станціях метро та в укриттях.',
    translations: {
      en: { title: 'Underground school classrooms', description: 'Equipping classrooms built in metro stations and shelters.' },
      ja: { title: '地下の学校教室', description: '地下鉄の駅やシェルターに設けた教室の設備。' },
    },
    sector: 'EDUCATION', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 350_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-12-009009-a', requiredCapabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'],
  }),
  need('kharkiv', {
    title: 'Телемедицина для прифронтових амбулаторій',
    description: 'Зв’язок амбулаторій на півночі міста з профільними лікарями.',
    translations: {
      en: { title: 'Telemedicine links for frontline clinics', description: 'Connecting outpatient clinics in the north of the city with specialists.' },
      ja: { title: '前線近くの診療所をつなぐ遠隔医療', description: '市北部の外来診療所と専門医をつなぎます。' },
    },
    sector: 'HEALTH', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 200_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'NONE', requiredCapabilities: ['TELEMEDICINE'],
  }),
  need('kharkiv', {
    title: 'Ремонт пошкоджених магістральних водогонів',
    description: '18 км магістралей, пошкоджених обстрілами: пошук витоків і безтраншейний ремонт.',
    translations: {
      en: { title: 'Repair of damaged water mains', description: '18 km of mains damaged by shelling; leak detection and trenchless repair.' },
      ja: { title: '損傷した水道本管の補修', description: '砲撃で損傷した本管18km。漏水探知と非開削工法による補修。' },
    },
    sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 2_700_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-21-004444-a', requiredCapabilities: ['WATER_NETWORK_REPAIR'],
  }),
  need('izium', {
    title: 'Розмінування сільськогосподарських земель навколо міста',
    description: '3000 га сільгоспугідь; для першого проходу доречно залучити роботизовані трактори.',
    translations: {
      en: { title: 'Clearance of agricultural land around the town', description: '3,000 ha of farmland; robot tractors welcome for the first passes.' },
      ja: { title: '市周辺の農地の地雷除去', description: '農地3,000ヘクタール。初回の作業にはロボットトラクターの活用を歓迎します。' },
    },
    sector: 'DEMINING', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 2_000_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-03-002020-a', requiredCapabilities: ['DEMINING_MACHINERY', 'ROBOTIC_AGRI_MACHINERY'],
  }),
  need('izium', {
    title: 'Тимчасовий міст через Сіверський Донець',
    description: 'Відновлення автомобільного сполучення з південним берегом.',
    translations: {
      en: { title: 'Temporary bridge across the Siverskyi Donets', description: 'Restoring the road link to the south bank.' },
      ja: { title: 'シヴェルシキー・ドネツ川の仮設橋', description: '南岸との道路交通を回復します。' },
    },
    sector: 'TRANSPORT', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 1_400_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-10-008080-a', requiredCapabilities: ['TEMPORARY_BRIDGES'],
  }),
  need('izium', {
    title: 'Розбирання завалів у центрі міста',
    description: 'Розчищення зруйнованих адміністративних і житлових будівель.',
    translations: {
      en: { title: 'Debris removal in the town centre', description: 'Clearance of destroyed administrative and residential buildings.' },
      ja: { title: '市街中心部のがれき撤去', description: '破壊された庁舎や住宅のがれきを撤去します。' },
    },
    sector: 'DEBRIS_REMOVAL', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 18_000_000, budgetCurrency: 'UAH', fundingSource: 'STATE_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-04-02-001212-a', requiredCapabilities: ['DEBRIS_CLEARANCE'],
  }),
  need('mykolaiv', {
    title: 'Очищення питної води після пошкодження магістрального водогону',
    description: 'У 2022 році місто втратило джерело прісної води; потрібне очищення річкової води для 400 тис. мешканців.',
    translations: {
      en: { title: 'Drinking water treatment after the main pipeline was cut', description: 'The city lost its freshwater supply in 2022; purification of river water for 400,000 people.' },
      ja: { title: '送水本管の寸断を受けた飲料水の浄水', description: '市は2022年に淡水の供給源を失いました。40万人分の河川水を浄水します。' },
    },
    sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 4_500_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-16-006006-a', requiredCapabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'],
  }),
  need('mykolaiv', {
    title: 'Модульні котельні для мікрорайонів',
    description: 'Децентралізоване теплопостачання мікрорайонів, ТЕЦ яких зазнала ударів.',
    translations: {
      en: { title: 'Modular boiler houses for districts', description: 'Decentralised heating for districts whose combined heat and power plant was hit.' },
      ja: { title: '地区向けのモジュール式ボイラー施設', description: '熱電併給プラントが攻撃を受けた地区のための分散型暖房。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 3_000_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-25-007007-a', requiredCapabilities: ['HEATING_SYSTEMS'],
  }),
  need('kherson', {
    title: 'Обладнання польових амбулаторій для правобережних районів',
    description: 'Обладнання для амбулаторій, що щодня перебувають під обстрілами; доставку до Херсона здійснюють українські перевізники.',
    translations: {
      en: { title: 'Field clinic equipment for the right-bank districts', description: 'Equipment for clinics under daily shelling; delivery to Kherson by Ukrainian carriers.' },
      ja: { title: '右岸地区の野外診療所の設備', description: '連日砲撃を受ける診療所の設備。ヘルソンまではウクライナの運送業者が運びます。' },
    },
    sector: 'HEALTH', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 500_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-04-005005-a', requiredCapabilities: ['MODULAR_CLINICS', 'MEDICAL_EQUIPMENT'],
  }),
  need('kherson', {
    title: 'Генератори для водопровідних насосних станцій',
    description: 'Безперебійна подача води під час знеструмлень.',
    translations: {
      en: { title: 'Generators for water pumping stations', description: 'Keeping water flowing when the grid is down.' },
      ja: { title: '給水ポンプ場の発電機', description: '停電中も給水を続けられるようにします。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 600_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'NONE', requiredCapabilities: ['POWER_GENERATORS'],
  }),
  need('kherson', {
    title: 'Розмінування звільнених сільгоспугідь на правобережжі',
    description: 'Технічне обстеження й очищення 5000 га; бажано з підготовкою місцевих команд.',
    translations: {
      en: { title: 'Demining of liberated farmland on the right bank', description: 'Technical survey and clearance of 5,000 ha; trained local teams wanted.' },
      ja: { title: '右岸の解放された農地の地雷除去', description: '5,000ヘクタールの技術調査と除去。地元チームの育成も求めます。' },
    },
    sector: 'DEMINING', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 3_000_000, budgetCurrency: 'EUR', fundingSource: 'JICA', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-17-004004-a', requiredCapabilities: ['MINE_DETECTION', 'DEMINING_MACHINERY', 'DEMINING_TRAINING'],
  }),
  need('zaporizhzhia', {
    title: 'Обладнання для ремонту міських електромереж',
    description: 'Трансформатори, кабель і розподільні пристрої для районів, що постраждали від ударів.',
    translations: {
      en: { title: 'Grid repair equipment for the city network', description: 'Transformers, cable and switchgear for districts hit by strikes.' },
      ja: { title: '市内配電網の復旧用機材', description: '攻撃を受けた地区のための変圧器、ケーブル、開閉装置。' },
    },
    sector: 'ENERGY', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 2_200_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-23-003030-a', requiredCapabilities: ['GRID_EQUIPMENT'],
  }),
  need('zaporizhzhia', {
    title: 'Резервний супутниковий зв’язок для екстрених служб',
    description: 'Термінали для рятувальної та медичної служб.',
    translations: {
      en: { title: 'Satellite backup for emergency services', description: 'Terminals for rescue and medical services.' },
      ja: { title: '緊急サービスの衛星バックアップ回線', description: '救助隊と救急医療のための端末。' },
    },
    sector: 'COMMUNICATIONS', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 250_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'NONE', requiredCapabilities: ['SATELLITE_COMMUNICATIONS'],
  }),
  need('nikopol', {
    title: 'Водопостачання після осушення Каховського водосховища',
    description: 'Новий водозабір, очищення й резервуари: у червні 2023 року місто втратило джерело води.',
    translations: {
      en: { title: 'Water supply after the Kakhovka reservoir was drained', description: 'New intake, purification and storage; the town lost its water source in June 2023.' },
      ja: { title: 'カホフカ貯水池の消失を受けた給水の確保', description: '新たな取水・浄水・貯水施設。市は2023年6月に水源を失いました。' },
    },
    sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 5_000_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-NKP-WS-0002', requiredCapabilities: ['WATER_PURIFICATION', 'ENGINEERING_DESIGN'],
  }),
  need('kramatorsk', {
    title: 'Генератори та обладнання для міської лікарні',
    description: 'Лікарня обслуговує прифронтову зону; доставку до міста здійснюють українські перевізники.',
    translations: {
      en: { title: 'Generators and equipment for the city hospital', description: 'The hospital serves the front line; supply to the city is by Ukrainian carriers.' },
      ja: { title: '市立病院の発電機と設備', description: '病院は前線地域の医療を担っています。市内への輸送はウクライナの運送業者が行います。' },
    },
    sector: 'HEALTH', stage: 'RAPID_RECOVERY', urgency: 'CRITICAL', budget: 700_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-02-06-002002-a', requiredCapabilities: ['MEDICAL_EQUIPMENT', 'POWER_GENERATORS'],
  }),
  need('kramatorsk', {
    title: 'Mesh-мережа для служби цивільного захисту',
    description: 'Стійкий радіо- та супутниковий зв’язок.',
    translations: {
      en: { title: 'Mesh network for the civil protection service', description: 'Resilient radio and satellite links.' },
      ja: { title: '市民保護部門のメッシュネットワーク', description: '途切れにくい無線・衛星回線。' },
    },
    sector: 'COMMUNICATIONS', stage: 'RAPID_RECOVERY', urgency: 'HIGH', budget: 180_000, budgetCurrency: 'EUR', fundingSource: 'MUNICIPAL_BUDGET', procurementMethod: 'NONE', requiredCapabilities: ['TELECOM_NETWORKS', 'SATELLITE_COMMUNICATIONS'],
  }),
  need('okhtyrka', {
    title: 'Відбудова ТЕЦ',
    description: 'Станцію зруйновано в березні 2022 року; плануємо нову, меншу ТЕЦ із модульних блоків.',
    translations: {
      en: { title: 'Rebuilding the combined heat and power plant', description: 'The plant was destroyed in March 2022; a new, smaller plant with modular units.' },
      ja: { title: '熱電併給プラントの再建', description: 'プラントは2022年3月に破壊されました。モジュール式ユニットによる、より小規模な新プラントを計画しています。' },
    },
    sector: 'ENERGY', stage: 'RECONSTRUCTION', urgency: 'HIGH', budget: 25_000_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-OKH-EN-0005', requiredCapabilities: ['HEATING_SYSTEMS', 'GRID_EQUIPMENT', 'PROJECT_MANAGEMENT'],
  }),
  need('okhtyrka', {
    title: 'Зрошення для фермерських господарств після пошкодження водосховища',
    description: 'Комплекти крапельного зрошення та насоси для 40 господарств.',
    translations: {
      en: { title: 'Irrigation for farms after the reservoir damage', description: 'Drip irrigation kits and pumps for 40 farms.' },
      ja: { title: '貯水池の被害を受けた農場の灌漑', description: '40農場分の点滴灌漑キットとポンプ。' },
    },
    sector: 'AGRICULTURE', stage: 'RECONSTRUCTION', urgency: 'LOW', budget: 400_000, budgetCurrency: 'EUR', fundingSource: 'NOT_YET_FUNDED', procurementMethod: 'NONE', requiredCapabilities: ['IRRIGATION'],
  }),
  need('dnipro', {
    title: 'Тролейбуси для міського парку',
    description: '30 тролейбусів з автономним ходом.',
    translations: {
      en: { title: 'Trolleybuses for the city fleet', description: '30 trolleybuses with autonomous running.' },
      ja: { title: '市営交通のトロリーバス', description: '架線のない区間もバッテリーで走れるトロリーバス30台。' },
    },
    sector: 'TRANSPORT', stage: 'RECONSTRUCTION', urgency: 'MEDIUM', budget: 18_000_000, budgetCurrency: 'EUR', fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-03-28-003131-a', requiredCapabilities: ['PUBLIC_TRANSPORT_VEHICLES'],
  }),
  need('odesa', {
    title: 'Зерносховища для припортової зони',
    description: 'Потужності для зберігання зерна на випадок перебоїв з експортом.',
    translations: {
      en: { title: 'Grain storage for the port hinterland', description: 'Storage capacity to buffer export disruptions.' },
      ja: { title: '港の後背地の穀物貯蔵施設', description: '輸出が滞ったときに備える貯蔵能力。' },
    },
    sector: 'AGRICULTURE', stage: 'RECONSTRUCTION', urgency: 'LOW', budget: 2_000_000, budgetCurrency: 'USD', fundingSource: 'PRIVATE', procurementMethod: 'NONE', requiredCapabilities: ['FOOD_PROCESSING'], status: 'DRAFT', publishedAt: null,
  }),
];
