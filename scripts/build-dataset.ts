/**
 * Builds `public/data/atlas.json` from the coding below and the source article.
 *
 *   npx tsx scripts/build-dataset.ts
 *
 * Every statement is written here as text copied from the article; the script
 * finds its `offset` (UTF-16 index) with indexOf and refuses to write unless
 * the text occurs exactly once, statements do not overlap, every evidence is
 * inside its statement, and every official's name and title occur in the
 * article. A sender's `themes` (union in codebook order) and `primaryTheme`
 * (first of them) are computed, never typed by hand. The result goes through
 * the app's own validation boundary (parseDataset + checkAgainstSource)
 * before it is written.
 *
 * Coding conventions (see ../shared/docs/THEMES.md for the codebook):
 * - Statement units. A `quote` is exactly the words inside the quotation
 *   marks (straight or curly), without the marks; punctuation inside the
 *   marks stays, punctuation after them does not. A `paraphrase` is the
 *   article's report of what the official (or body) said: for the sentence
 *   that names the official, the predicate from the reporting verb on
 *   ("noted that …", "extended …"), or the reported clause alone where the
 *   attribution comes first ("As he noted, …", "According to …, …"); every
 *   further reported sentence whole ("He also …"). Lead-ins that only
 *   introduce a quote ("noted that, “…”") are not statements of their own.
 * - The Laos paragraph opens with one sentence naming both Lao officials
 *   ("… sent greetings to the Chinese police officers."): it belongs to two
 *   bodies at once, so it is not a statement of either (no text may sit under
 *   two senders); it carries no theme, and both officials have statements of
 *   their own.
 * - The Panama paragraph ends with a closing ” that has no opening mark (a
 *   typo in the source): that paragraph is paraphrase, and the stray mark is
 *   left out of the statement text.
 * - Titles are copied exactly as written; a leading nationality adjective or
 *   possessive that merely says whose official it is ("Serbian", "Argentina’s",
 *   "Croatian", "Thai", "Nigerian") and a leading article ("the
 *   Commander-in-Chief") are not part of the title. Names carry no ranks
 *   ("GEN.", "Lieutenant General" go to `rank`); Burmese "U" is part of the name.
 * - Bodies are named as the article names them, or as the official's title
 *   makes plain (an ambassador's body is his country's embassy in China; the
 *   INTERPOL Secretary General's is the General Secretariat), without the
 *   country's name where `name` already says it.
 * - Hard theme calls (each also commented at its statement): New Zealand's
 *   "community safety and security" and the NCA's "protect their communities
 *   from the threats" are public_security; Laos (Vilay Lakhamphong)'s
 *   "safeguarding the country’s prosperity and stability" is public_security;
 *   "performing joint law enforcement" (Laos) is joint_patrols; Croatia's joint
 *   patrols "where Chinese tourists visited the most" are also
 *   citizen_protection; Myanmar's "cooperation with countries in the Mekong
 *   River Region" is border_security; INTERPOL's "regional security" (no named
 *   region) is not border_security; "exchanges" (Argentina, UAE), "security
 *   cooperation", "new challenges", "combating crimes" and "cracking down on
 *   crime" give no theme; Mongolia's "protect people’s lives and health" is
 *   the pandemic, not public_security.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset, checkAgainstSource, formatProblem } from '../src/domain/dataset-validation';
import { unionThemes, type Dataset, type OfficialLevel } from '../src/domain/dataset-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE_PATH = resolve(root, '../shared/source/article.txt');
const SHIPPED_ARTICLE = resolve(root, 'public/data/source/article.txt');
const OUT = resolve(root, 'public/data/atlas.json');

// The codebook of THEMES.md, in its order (which is also the primary-theme order).
const themes = [
  {
    id: 'counter_terrorism',
    label: 'Counter-terrorism',
    description: 'Statements that name terrorism, anti-terrorism or extremism.',
    label_zh: '反恐',
    description_zh: '提及恐怖主义、反恐或极端主义的表述。',
  },
  {
    id: 'drug_control',
    label: 'Drugs & precursor chemicals',
    description: 'Statements that name drug control, narcotics, drug trafficking or precursor chemicals.',
    label_zh: '禁毒与易制毒化学品管制',
    description_zh: '提及禁毒、毒品、毒品走私贩运或易制毒化学品的表述。',
  },
  {
    id: 'human_trafficking',
    label: 'Human trafficking',
    description:
      'Statements that name trafficking in persons or anti-trafficking. Drug trafficking is not this theme (it is Drugs & precursor chemicals).',
    label_zh: '打击拐卖人口',
    description_zh: '提及拐卖人口、人口贩运或打拐的表述。毒品贩运不属此类（归入“禁毒与易制毒化学品管制”）。',
  },
  {
    id: 'transnational_crime',
    label: 'Transnational & organised crime',
    description:
      'Statements that name transnational, cross-border or organised crime, criminal organisations, economic crime, cross-border gambling, or bringing fugitives to justice. Crime in general is not this theme.',
    label_zh: '打击跨国犯罪',
    description_zh:
      '提及跨国犯罪、跨境犯罪、有组织犯罪、犯罪组织、经济犯罪、跨境赌博或缉捕在逃人员归案的表述。泛指的“犯罪”不属此类。',
  },
  {
    id: 'joint_patrols',
    label: 'Joint patrols & operations',
    description: 'Statements that name joint patrols, or joint law-enforcement actions or operations on the ground.',
    label_zh: '联合巡逻与联合执法',
    description_zh: '提及联合巡逻、联合执法行动或实地联合行动的表述。',
  },
  {
    id: 'citizen_protection',
    label: 'Protecting nationals & visitors',
    description:
      "Statements that name the safety of one country's nationals or tourists in the other. Protecting a country's own citizens at home is not this theme (it is Public security & stability).",
    label_zh: '保护海外公民与游客安全',
    description_zh: '提及一国公民或游客在对方国家安全的表述。保护本国境内民众不属此类（归入“公共安全与社会稳定”）。',
  },
  {
    id: 'border_security',
    label: 'Border & regional security',
    description:
      "Statements that name border management, a named cross-border region's security (e.g. the Mekong River region), or territorial integrity and sovereignty.",
    label_zh: '边境管控与地区安全',
    description_zh: '提及边境管理、特定跨境地区（如湄公河流域）的安全，或领土完整与国家主权的表述。',
  },
  {
    id: 'capacity_building',
    label: 'Training & capacity building',
    description:
      'Statements that name training courses, capacity building, sharing experience or expertise, expert exchanges or delegation visits. "Exchanges" with no object is not this theme.',
    label_zh: '执法能力建设与培训',
    description_zh: '提及培训班、能力建设、经验或专业知识交流、专家交流或代表团互访的表述。未说明内容的“交流”不属此类。',
  },
  {
    id: 'pandemic_response',
    label: 'Pandemic response',
    description: 'Statements that name COVID-19 or the epidemic.',
    label_zh: '疫情防控',
    description_zh: '提及新冠肺炎疫情或疫情防控的表述。',
  },
  {
    id: 'multilateral',
    label: 'Multilateral policing',
    description:
      "Statements that name United Nations policing, INTERPOL's mission, peace operations, or human-rights protection as a policing aim.",
    label_zh: '多边警务合作',
    description_zh: '提及联合国警务、国际刑警组织的使命、维和行动，或以保护人权为目标的警务工作的表述。',
  },
  {
    id: 'public_security',
    label: 'Public security & stability',
    description:
      'Statements that name national security, social security, stability or order, peace, protecting citizens from crime, or the rule of law.',
    label_zh: '公共安全与社会稳定',
    description_zh: '提及国家安全、社会治安、社会稳定与秩序、和平安宁、保护民众免受犯罪侵害或法治的表述。',
  },
] as const;

type ThemeId = (typeof themes)[number]['id'];
const THEME_ORDER: readonly string[] = themes.map((t) => t.id);

interface OfficialInput {
  name: string;
  rank?: string;
  title: string;
  level: OfficialLevel;
}
interface StatementInput {
  kind: 'quote' | 'paraphrase';
  text: string;
  /** index into officials; null: the body itself */
  official: number | null;
  themes?: Partial<Record<ThemeId, string>>;
}
interface SenderInput {
  id: string;
  kind: 'country' | 'organization';
  iso3: string | null;
  name: string;
  name_zh?: string;
  body: string | null;
  body_zh?: string;
  location?: [number, number];
  officials: OfficialInput[];
  statements: StatementInput[];
}

const q = (text: string, official: number | null, t?: StatementInput['themes']): StatementInput => ({
  kind: 'quote',
  text,
  official,
  ...(t ? { themes: t } : {}),
});
const p = (text: string, official: number | null, t?: StatementInput['themes']): StatementInput => ({
  kind: 'paraphrase',
  text,
  official,
  ...(t ? { themes: t } : {}),
});

/** Bodies that wrote, in article order. List-only countries are added where the article lists them. */
const bodies: SenderInput[] = [
  {
    id: 'vnm-ministry-of-public-security',
    kind: 'country',
    iso3: 'VNM',
    name: 'Vietnam',
    body: 'Ministry of Public Security',
    body_zh: '公安部',
    officials: [
      {
        name: 'To Lam',
        title:
          'Member of Political Bureau of the Central Committee of the Communist Party of Vietnam and Minister of Public Security',
        level: 'minister',
      },
    ],
    statements: [
      // The two sentences belong together ("All these efforts" refers back to the fields listed).
      // "exchange mechanism" is a dialogue mechanism, not training: no capacity_building.
      p(
        'noted that the high-level dialogue and exchange mechanism between his Ministry and the Ministry of Public Security of China had promoted the effective cooperation between the two countries in such fields as safeguarding national security, anti-terrorism, anti-trafficking, drug control, combating transnational crimes and border management, and formed a comprehensive cooperation pattern between the public security departments of the two countries in a wide range and at multiple levels. All these efforts had made outstanding contributions to consolidating the ruling positions of the two Parties, safeguarding the national security and social stability, and ensuring the people to live and work in peace and contentment.',
        0,
        {
          counter_terrorism: 'anti-terrorism',
          drug_control: 'drug control',
          human_trafficking: 'anti-trafficking',
          transnational_crime: 'combating transnational crimes',
          border_security: 'border management',
          public_security: 'safeguarding national security',
        },
      ),
      p('He also extended cordial greetings to the leaders and officers of the Ministry of Public Security of China.', 0),
    ],
  },
  {
    id: 'srb-ministry-of-interior',
    kind: 'country',
    iso3: 'SRB',
    name: 'Serbia',
    body: 'Ministry of Interior',
    body_zh: '内务部',
    officials: [{ name: 'Aleksandar Vulin', title: 'Minister of Interior', level: 'minister' }],
    statements: [
      p(
        'sent his heartfelt congratulations to the Chinese police officers, noting that the Serbian Ministry of Interior would devote itself to strengthening the strategic partnership with the People’s Republic of China in order to provide a joint and strong response to any threat to the territorial integrity and sovereignty of Serbia and China.',
        0,
        { border_security: 'territorial integrity and sovereignty' },
      ),
    ],
  },
  {
    id: 'interpol-general-secretariat',
    kind: 'organization',
    iso3: null,
    name: 'INTERPOL',
    name_zh: '国际刑警组织',
    body: 'General Secretariat',
    body_zh: '总秘书处',
    location: [4.85, 45.78], // INTERPOL headquarters, Lyon
    officials: [{ name: 'Jürgen Stock', title: 'Secretary General', level: 'international' }],
    statements: [
      p(
        'extended his warm greetings and congratulations to all members of the People’s Republic of China’s Law enforcement community on behalf of INTERPOL.',
        0,
      ),
      // Praise of the Chinese police's work that names the field counts (rule 1).
      p(
        'He acknowledged the hard work done by the Chinese law enforcement officers in combating transnational crimes, in particular in the year 2020.',
        0,
        { transnational_crime: 'combating transnational crimes' },
      ),
      // "regional security" names no particular region, so it is not border_security;
      // "national … security" is public_security. "our joint mission" is INTERPOL's mission: multilateral.
      q(
        'The transnational nature of crime means the INTERPOL National Central Bureau in Beijing and the Ministry of Public Security play an essential role in maintaining national and regional security. I look forward to even greater cooperation in the future as China continues to significantly contribute to our joint mission to make the world a safer place.',
        0,
        {
          transnational_crime: 'transnational nature of crime',
          multilateral: 'our joint mission to make the world a safer place',
          public_security: 'maintaining national and regional security',
        },
      ),
    ],
  },
  {
    id: 'khm-ministry-of-interior-affairs',
    kind: 'country',
    iso3: 'KHM',
    name: 'Cambodia',
    body: 'Ministry of Interior Affairs',
    body_zh: '内政部',
    officials: [
      // A deputy prime minister who is also a minister: level minister.
      { name: 'Sar Kheng', title: 'Deputy Prime Minister and Minister for Interior Affairs of Cambodia', level: 'minister' },
    ],
    statements: [
      p(
        'noted that the Ministry of Interior Affairs of Cambodia and the Ministry of Public Security of China had been continuously deepening law enforcement cooperation and made positive contributions to safeguarding social peace, order and the legitimate interests of people in the two countries, as well as serving the economic and social development of both countries.',
        0,
        { public_security: 'safeguarding social peace, order' },
      ),
      p(
        'He sincerely hoped that the good cooperative relationship between the two Ministries would continue to develop steadily and provide more favorable conditions for China-Cambodia law enforcement cooperation, so that the two sides could implement the consensus reached between the two countries more effectively.',
        0,
      ),
    ],
  },
  {
    // Laos wrote through two bodies: the defence ministry (whose joint Mekong patrols
    // with China are run by it) and the public security ministry.
    id: 'lao-ministry-of-national-defense',
    kind: 'country',
    iso3: 'LAO',
    name: 'Laos',
    body: 'Ministry of National Defense',
    body_zh: '国防部',
    officials: [
      {
        name: 'Chansamone Chanyalath',
        title:
          'Member of the Political Bureau of the Central Committee of Lao People’s Revolutionary Party and Lao Defense Minister',
        level: 'minister',
      },
    ],
    statements: [
      p(
        'noted that the Ministry of Public Security of China and the Lao Ministry of National Defense proactively carried out joint patrol and law enforcement cooperation, especially in the past nine years, both sides continued to organize and perform joint patrol law enforcement actions along the Mekong River together with Myanmar and Thailand, which effectively safeguarded the security and stability of Mekong River Region in northern Laos.',
        0,
        {
          joint_patrols: 'joint patrol law enforcement actions',
          border_security: 'security and stability of Mekong River Region',
        },
      ),
    ],
  },
  {
    id: 'lao-ministry-of-public-security',
    kind: 'country',
    iso3: 'LAO',
    name: 'Laos',
    body: 'Ministry of Public Security',
    body_zh: '公安部',
    officials: [
      {
        name: 'Vilay Lakhamphong',
        rank: 'GEN.',
        title:
          'Member of the Secretariat of the Central Committee of the Lao People’s Revolutionary Party and Minister of Public Security',
        level: 'minister',
      },
    ],
    statements: [
      // "safeguarding the country's prosperity and stability": praise of the Chinese police
      // for national stability, coded public_security (as Belarus's "national stability").
      p(
        'noted that the Chinese police forces had made great achievements in China’s revolution, development and construction, and made tremendous sacrifices for safeguarding the country’s prosperity and stability.',
        0,
        { public_security: 'safeguarding the country’s prosperity and stability' },
      ),
      // "joint law enforcement" performed by both ministries: joint operations (joint_patrols).
      // "security cooperation" alone is too vague for public_security.
      p(
        'He also spoke highly of the important achievements made by the Ministry of Public Security of both countries in performing joint law enforcement and security cooperation.',
        0,
        { joint_patrols: 'performing joint law enforcement' },
      ),
    ],
  },
  {
    id: 'arg-ministry-of-security',
    kind: 'country',
    iso3: 'ARG',
    name: 'Argentina',
    body: 'Ministry of Security',
    body_zh: '安全部',
    officials: [{ name: 'Sabina Frederic', title: 'Minister of Security', level: 'minister' }],
    statements: [
      // "expand exchanges" has no object: not capacity_building (rule 3). Goodwill only.
      p(
        'the Ministry of Security of Argentina was willing to join hands with China to further expand exchanges and deepen cooperation on the basis of existing good cooperation and would like to push bilateral cooperation to a new stage.',
        0,
      ),
    ],
  },
  {
    id: 'blr-ministry-of-internal-affairs',
    kind: 'country',
    iso3: 'BLR',
    name: 'Belarus',
    body: 'Ministry of Internal Affairs',
    body_zh: '内务部',
    officials: [{ name: 'Kubrakov', title: 'Minister of Internal Affairs of Belarus', level: 'minister' }],
    statements: [
      p(
        'noted that, all Belarusian police officers were willing to share the happiness of the festival with the Chinese counterparts, and deeply realized the great contributions the police forces of both countries had made for maintaining peace, social security and national stability.',
        0,
        { public_security: 'maintaining peace, social security and national stability' },
      ),
    ],
  },
  {
    id: 'pak-ministry-of-interior',
    kind: 'country',
    iso3: 'PAK',
    name: 'Pakistan',
    body: 'Ministry of Interior',
    body_zh: '内政部',
    officials: [{ name: 'Sheikh Rashid Ahmed', title: 'Federal Minister for Interior of Pakistan', level: 'minister' }],
    statements: [
      q(
        'the Ministry of Interior of Pakistan and the Ministry of Public Security of China are the staunchest partners and iron brothers. China-Pakistan All-Weather Strategic Cooperative Partnership has grown from strength to strength, unaffected by the vicissitudes of time. Our remarkable cooperation in law enforcement and capacity building at law enforcement agencies is progressing very well',
        0,
        { capacity_building: 'capacity building' },
      ),
    ],
  },
  {
    id: 'tjk-ministry-of-internal-affairs',
    kind: 'country',
    iso3: 'TJK',
    name: 'Tajikistan',
    body: 'Ministry of Internal Affairs',
    body_zh: '内务部',
    officials: [{ name: 'Rahimzoda', title: 'Minister of Internal Affairs of Tajikistan', level: 'minister' }],
    statements: [
      // Straight double quotes in the source. Praise only: no theme.
      q(
        'the Chinese police officers are always faithfully performing their duties and serving their country, which showed their best qualities: bravery and justice.',
        0,
      ),
    ],
  },
  {
    // Dubai Police is a body of the United Arab Emirates (ARE); the UAE Ministry of Interior
    // is a second, separate ARE body further down.
    id: 'are-dubai-police',
    kind: 'country',
    iso3: 'ARE',
    name: 'United Arab Emirates',
    body: 'Dubai Police',
    body_zh: '迪拜警察总局',
    officials: [
      // Head of the emirate's whole police force: police_chief (though not a federal force).
      {
        name: 'Abdullah Khalifa Al Marri',
        rank: 'Lieutenant General',
        title: 'Commander-in-Chief of Dubai Police',
        level: 'police_chief',
      },
    ],
    statements: [
      p(
        'noted that Dubai Police was seeking to expand and strengthen collaboration between the Dubai Police and the Ministry of Public Security.',
        0,
      ),
      p('He added that Dubai Police looked forward to more and closer cooperation in the future.', 0),
    ],
  },
  {
    id: 'dji-national-police',
    kind: 'country',
    iso3: 'DJI',
    name: 'Djibouti',
    body: 'National Police',
    body_zh: '国家警察',
    officials: [
      // Head of the National Police headquarters, i.e. of the national force: police_chief.
      { name: 'Abdillahi Abdi Farah', title: 'Director of Djibouti National Police Headquarters', level: 'police_chief' },
    ],
    statements: [
      p(
        'noted that, Chinese police forces had achieved success in maintaining social security, ensuring people’s lives and winning people’s trust.',
        0,
        { public_security: 'maintaining social security' },
      ),
      // "new challenges" names no field.
      p(
        'Djibouti proactively supported the cooperation between the police forces of the two countries to jointly cope with the new challenges brought about by the continuous social development and changes.',
        0,
      ),
    ],
  },
  {
    id: 'irn-ministry-of-interior',
    kind: 'country',
    iso3: 'IRN',
    name: 'Iran',
    body: 'Ministry of Interior',
    body_zh: '内政部',
    officials: [
      { name: 'Hussein Zolfaghari', title: 'Deputy Minister of Interior of the Islamic Republic of Iran', level: 'deputy_minister' },
    ],
    statements: [
      p(
        'noted that the cooperation between the two countries in the field of public security and safety had been continuously expanded in recent years.',
        0,
        { public_security: 'public security and safety' },
      ),
      // "The public security departments" is a name of the departments, not a field: no public_security here.
      p(
        'The public security departments of both countries had exchanged experience and achievements, and successfully held several training courses, which effectively improved the quality of public security officers.',
        0,
        { capacity_building: 'training courses' },
      ),
    ],
  },
  {
    id: 'kor-korean-national-police-agency',
    kind: 'country',
    iso3: 'KOR',
    name: 'South Korea',
    body: 'Korean National Police Agency',
    body_zh: '韩国警察厅',
    officials: [
      { name: 'Kim Chang-yong', title: 'Commissioner General of the Korean National Police Agency', level: 'police_chief' },
    ],
    statements: [
      p(
        'noted that the Chinese police forces had made great contributions and sacrifices to the country and people.',
        0,
      ),
      p(
        'It was truly meaningful to commemorate the commitment and sacrifice of the Ministry of Public Security of China.',
        0,
      ),
      p(
        'Kim Chang-yong hoped that KNPA and MPS would strengthen their friendship by sharing the experience and expertise of each other.',
        0,
        { capacity_building: 'sharing the experience and expertise' },
      ),
    ],
  },
  {
    id: 'mng-national-police-agency',
    kind: 'country',
    iso3: 'MNG',
    name: 'Mongolia',
    body: 'National Police Agency',
    body_zh: '国家警察总局',
    officials: [
      { name: 'J.Bold', title: 'Director-General of National Police Agency of Mongolia', level: 'police_chief' },
    ],
    statements: [
      // "in2020" as in the source. "protect people's lives and health" is about the pandemic,
      // not about protecting citizens from crime: pandemic_response only (no drug_control either).
      p(
        'the police forces of Mongolia and China had made great contributions in2020 to protect people’s lives and health in the face of the COVID-19.',
        0,
        { pandemic_response: 'COVID-19' },
      ),
      p(
        'The police departments of the two countries gave timely support and help to each other, further deepening the friendly relations and profound friendship between the two sides.',
        0,
      ),
    ],
  },
  {
    id: 'nzl-new-zealand-police',
    kind: 'country',
    iso3: 'NZL',
    name: 'New Zealand',
    body: 'New Zealand Police',
    body_zh: '新西兰警察',
    officials: [
      // Acting head of the national force: police_chief.
      { name: 'Glenn Dunbier', title: 'Acting Commissioner of the New Zealand Police', level: 'police_chief' },
    ],
    statements: [
      // Praise of the Chinese police for "community safety and security": public_security (hard call).
      q(
        'this is a special day to appreciate the efforts of men and women who provide China’s community safety and security, and just as importantly a day to recall those staff who have paid the highest price and sacrifice in the service of policing',
        0,
        { public_security: 'community safety and security' },
      ),
    ],
  },
  {
    id: 'nga-nigerian-police-force',
    kind: 'country',
    iso3: 'NGA',
    name: 'Nigeria',
    body: 'Nigerian Police Force',
    body_zh: '尼日利亚警察部队',
    officials: [{ name: 'Muhammed Adamu', title: 'Inspector-General of Police', level: 'police_chief' }],
    statements: [
      p('appreciated that the Chinese police served the Chinese State and its people with honor and patriotism.', 0),
      p(
        'He extended great gratitude to China on the age-long support of the Chinese government to extend capacity building opportunities to the Nigerian Police Force.',
        0,
        { capacity_building: 'capacity building opportunities' },
      ),
      p(
        'He looked forward to maintaining and strengthening this existing cordial relationship as well as enhancing cooperation in other areas of our collective interests.',
        0,
      ),
    ],
  },
  {
    id: 'phl-national-police',
    kind: 'country',
    iso3: 'PHL',
    name: 'Philippines',
    body: 'National Police',
    body_zh: '国家警察',
    officials: [{ name: 'Debold Sinas', title: 'Chief of National Police of the Philippines', level: 'police_chief' }],
    statements: [
      p(
        'noted that the sacrifices of Chinese police force for China and Chinese people deserved their respect.',
        0,
      ),
      // "crimes,bringing" as in the source. Bringing criminals to justice goes with
      // transnational_crime, already named. Safety of each side's nationals in the other: citizen_protection.
      p(
        'the police force of the Philippines was looking forward to more collaborative endeavors with the Ministry of Public Security of China, particularly on the efforts in fighting transnational crimes,bringing criminals to justice, and ensuring the safety and security of the Chinese nationals in the Philippines and the Filipinos in China.',
        0,
        {
          transnational_crime: 'fighting transnational crimes',
          citizen_protection: 'safety and security of the Chinese nationals in the Philippines and the Filipinos in China',
        },
      ),
    ],
  },
  {
    id: 'pan-national-police',
    kind: 'country',
    iso3: 'PAN',
    name: 'Panama',
    body: 'National Police',
    body_zh: '国家警察',
    officials: [
      { name: 'Jorge Miranda Molina', title: 'Director-General of Panamanian National Police', level: 'police_chief' },
    ],
    statements: [
      // "combating crimes" alone is not transnational_crime (rule 3).
      p(
        'said that, the Chinese police force had fought bravely and made admirable achievements in combating crimes and maintaining social security and stability.',
        0,
        { public_security: 'maintaining social security and stability' },
      ),
      // The paragraph's trailing ” is a typo (no opening mark): paraphrase, stray mark left out.
      p(
        'He congratulated the Chinese police officers on their remarkable achievements and looked forward to the Chinese police force playing an exemplary role in fulfilling their duties and missions.',
        0,
      ),
    ],
  },
  {
    id: 'tur-turkish-national-police',
    kind: 'country',
    iso3: 'TUR',
    name: 'Turkey',
    body: 'Turkish National Police',
    body_zh: '土耳其国家警察',
    officials: [{ name: 'Mehmet Aktas', title: 'Director-General of Turkish National Police', level: 'police_chief' }],
    statements: [
      // Straight double quotes in the source.
      q(
        'the Turkish National Police will, as always, cooperate with the Ministry of Public Security of China to combat various transnational crimes. We firmly believe that the cooperation between us will be further strengthened in 2021.',
        0,
        { transnational_crime: 'combat various transnational crimes' },
      ),
    ],
  },
  {
    // The UK wrote through two bodies: the National Crime Agency and the National Police Chiefs' Council.
    id: 'gbr-national-crime-agency',
    kind: 'country',
    iso3: 'GBR',
    name: 'United Kingdom',
    body: 'National Crime Agency',
    body_zh: '国家犯罪调查局',
    officials: [
      // Head of a national law-enforcement agency: police_chief.
      { name: 'Lynne Owens', title: 'Director-General of British National Crime Agency', level: 'police_chief' },
    ],
    statements: [
      // The lead-in "noted that police officers in China and the UK" only introduces the quote.
      // Protecting communities from threats = protecting citizens from crime: public_security (hard call).
      q(
        'had laid their lives to protect their communities from the threats, which made a day of remembrance all the more poignant and appropriate',
        0,
        { public_security: 'protect their communities from the threats' },
      ),
    ],
  },
  {
    id: 'gbr-national-police-chiefs-council',
    kind: 'country',
    iso3: 'GBR',
    name: 'United Kingdom',
    // The article writes it without the apostrophe.
    body: 'National Police Chiefs Council',
    body_zh: '全国警察局长理事会',
    officials: [
      {
        name: 'Richard Martin',
        title: 'Deputy Assistant Commissioner of National Police Chiefs Council (NPCC) of the UK',
        level: 'senior_officer',
      },
    ],
    statements: [
      p(
        'noted that, the police was an important part of life and the most important profession in the world. It was their duty to protect citizens’ safety and maintain social stability. Police forces all over the world were working hard day and night for this purpose, especially in China and UK.',
        0,
        { public_security: 'protect citizens’ safety and maintain social stability' },
      ),
      q(
        'Congratulations on your achievements, great thanks for your efforts in maintaining social security, and wish you a happy holiday that is customized for you.',
        0,
        { public_security: 'maintaining social security' },
      ),
    ],
  },
  {
    id: 'aus-australian-federal-police',
    kind: 'country',
    iso3: 'AUS',
    name: 'Australia',
    body: 'Australian Federal Police',
    body_zh: '澳大利亚联邦警察',
    officials: [{ name: 'Michael Pennett', title: 'Assistant Director of Australian Federal Police', level: 'senior_officer' }],
    statements: [
      p(
        'extended great gratitude to the ongoing support by the Ministry of Public Security and valued the longstanding and enduring law enforcement partnership between China and Australia.',
        0,
      ),
      q(
        'I would like to express my gratitude to the Ministry of Public Security of China for its continued cooperation on transnational serious and organized crime including narcotics and economic crime investigations.',
        0,
        {
          drug_control: 'narcotics',
          transnational_crime: 'transnational serious and organized crime',
        },
      ),
    ],
  },
  {
    id: 'ita-italian-police-of-state',
    kind: 'country',
    iso3: 'ITA',
    name: 'Italy',
    body: 'Italian Police of State',
    body_zh: '意大利国家警察',
    officials: [
      // Deputy head of the national force: senior_officer.
      { name: 'Vittorio Rizzi', title: 'Deputy Commander of the Italian Police of State', level: 'senior_officer' },
    ],
    statements: [
      p(
        'extended his gratitude to the Chinese police forces for their thoughtful and enthusiastic service guidance to the Italian police forces during the Sino-Italian Police Joint Patrol, and expressed his best wishes to the Chinese police officers who performed their duties faithfully.',
        0,
        { joint_patrols: 'Sino-Italian Police Joint Patrol' },
      ),
      p(
        'He sincerely hoped that both sides would seek good opportunities for cooperation and experience sharing.',
        0,
        { capacity_building: 'experience sharing' },
      ),
    ],
  },
  {
    id: 'are-ministry-of-interior',
    kind: 'country',
    iso3: 'ARE',
    name: 'United Arab Emirates',
    body: 'Ministry of Interior',
    body_zh: '内政部',
    officials: [
      {
        name: 'Dana Humaid',
        title: 'Director of the Bureau of International Affairs of the Ministry of Interior of the United Arab Emirates',
        level: 'senior_officer',
      },
    ],
    statements: [
      // "deepen the exchanges" has no object: not capacity_building. Goodwill only.
      p(
        'extended warm congratulations to the Chinese people’s police, noting that the Ministry of Public Security of China and the Ministry of Interior of the United Arab Emirates had maintained good relations in police law enforcement cooperation for many years, and hoped that the two sides would further deepen the exchanges and made greater achievements in police law enforcement cooperation.',
        0,
      ),
    ],
  },
  {
    id: 'un-police-division',
    kind: 'organization',
    iso3: null,
    name: 'United Nations',
    name_zh: '联合国',
    body: 'Police Division',
    body_zh: '警务司',
    location: [-73.968, 40.749], // UN Headquarters, New York
    officials: [
      { name: 'Luis Carrilho', title: 'Police Adviser and Director of United Nations Police Division', level: 'international' },
    ],
    statements: [
      p(
        'sent a congratulatory letter on the first Chinese People’s Police Day, and extended gratitude for China’s continuous support to United Nations policing.',
        0,
        { multilateral: 'United Nations policing' },
      ),
      // The quoted passage nests single quotes ('settling conflicts'); they stay in the text.
      // The lead-in "He noted that the" only introduces the quote.
      q(
        'UN75 Survey revealed that the people of the world consider \'settling conflicts\' and \'improving human rights protections\' key tenets of the Organization’s future work. United Nations policing efforts are central to both these priorities, and he looked forward to the continuous collaboration between the People’s Republic of China and the Police Division as we move forward',
        0,
        { multilateral: 'United Nations policing efforts' },
      ),
    ],
  },
  {
    id: 'hrv-embassy-in-china',
    kind: 'country',
    iso3: 'HRV',
    name: 'Croatia',
    body: 'Embassy of Croatia in China',
    body_zh: '克罗地亚驻华大使馆',
    officials: [{ name: 'Dario Mihailin', title: 'Ambassador to China', level: 'ambassador' }],
    statements: [
      p(
        'noted that, the joint police patrol between China and Croatia had achieved great success and attracted worldwide attention.',
        0,
        { joint_patrols: 'joint police patrol' },
      ),
      // Joint patrols placed where Chinese tourists go most: the patrols are for visitors from the
      // other country, so citizen_protection (hard call: "safety" is not spelled out).
      p(
        'In the places where Chinese tourists visited the most, Chinese and Croatian police officers organized joint patrols.',
        0,
        {
          joint_patrols: 'organized joint patrols',
          citizen_protection: 'places where Chinese tourists visited the most',
        },
      ),
      p(
        'This had become a strong bond and a true portrayal and common memory of the friendship between the two countries.',
        0,
      ),
    ],
  },
  {
    id: 'mmr-embassy-in-china',
    kind: 'country',
    iso3: 'MMR',
    name: 'Myanmar',
    body: 'Embassy of Myanmar in China',
    body_zh: '缅甸驻华大使馆',
    officials: [
      { name: 'U Myo Thant Pe', title: 'Ambassador of the Republic of the Union of Myanmar to China', level: 'ambassador' },
    ],
    statements: [
      // "in the field of law enforcement and security": too vague for a theme.
      p(
        'extended sincere gratitude to China for its long-term assistance and support in the field of law enforcement and security.',
        0,
      ),
      // "drug trafficking" is drug_control, "human trafficking" is human_trafficking (codebook note);
      // cross-border gambling is transnational_crime; the Mekong River Region is border_security.
      p(
        'in recent years, the two sides had deepened cooperation in the field of security, made good use of law enforcement cooperation mechanisms, safeguarded the rule of law and stability, strengthened cooperation with countries in the Mekong River Region, and effectively cracked down on crimes such as drug trafficking, human trafficking, and cross-border gambling.',
        0,
        {
          drug_control: 'drug trafficking',
          human_trafficking: 'human trafficking',
          transnational_crime: 'cross-border gambling',
          border_security: 'cooperation with countries in the Mekong River Region',
          public_security: 'safeguarded the rule of law and stability',
        },
      ),
    ],
  },
  {
    id: 'tha-embassy-in-china',
    kind: 'country',
    iso3: 'THA',
    name: 'Thailand',
    body: 'Embassy of Thailand in China',
    body_zh: '泰国驻华大使馆',
    officials: [{ name: 'Arthayudh Srisamoot', title: 'Ambassador to China', level: 'ambassador' }],
    statements: [
      // Praise of China's fight against COVID-19: pandemic_response (rule 1). "cracking down on crime"
      // alone is not transnational_crime.
      p(
        'noted that, the Thai government was deeply aware of the great contributions made by the Chinese people’s police in safeguarding national stability and social order, cracking down on crime, and fighting the COVID-19 epidemic.',
        0,
        {
          pandemic_response: 'fighting the COVID-19 epidemic',
          public_security: 'safeguarding national stability and social order',
        },
      ),
      p(
        'They had created a stable and peaceful social living environment for the Chinese people.',
        0,
        { public_security: 'stable and peaceful social living environment' },
      ),
    ],
  },
];

/**
 * "Congratulatory letters were also received from … including …": these are senders with
 * no body, officials, statements or themes (shown as "also wrote"). Id: `<iso3>-listed`.
 */
const listedCountries: [name: string, iso3: string][] = [
  ['Afghanistan', 'AFG'],
  ['Andorra', 'AND'],
  ['Denmark', 'DNK'],
  ['Brazil', 'BRA'],
  ['Canada', 'CAN'],
  ['Central African Republic', 'CAF'],
  ['Ethiopia', 'ETH'],
  ['Finland', 'FIN'],
  ['Germany', 'DEU'],
  ['Jordan', 'JOR'],
  ['Kazakhstan', 'KAZ'],
  ['Lesotho', 'LSO'],
  ['Kyrgyzstan', 'KGZ'],
  ['Malaysia', 'MYS'],
  ['Netherlands', 'NLD'],
  ['Singapore', 'SGP'],
  ['Spain', 'ESP'],
  ['South Africa', 'ZAF'],
  ['Trinidad and Tobago', 'TTO'],
  ['Uzbekistan', 'UZB'],
];

const listed: SenderInput[] = listedCountries.map(([name, iso3]) => ({
  id: `${iso3.toLowerCase()}-listed`,
  kind: 'country',
  iso3,
  name,
  body: null,
  officials: [],
  statements: [],
}));

/** The two messages the article prints under headings of their own, after the list. */
const appended: SenderInput[] = [
  {
    id: 'rus-international-cooperation-department',
    kind: 'country',
    iso3: 'RUS',
    name: 'Russia',
    body: 'International Cooperation Department of Ministry of Internal Affairs',
    body_zh: '内务部国际合作局',
    officials: [
      // Director general of a department of the ministry (not the head of the police): senior_officer.
      {
        name: 'Popov',
        title: 'Director General of International Cooperation Department of ministry of Internal Affairs of Russian Federation',
        level: 'senior_officer',
      },
    ],
    statements: [
      // The department itself speaks here: official null.
      p(
        'expressed congratulations to the Ministry of Public Security (MPS) and wished to further strengthen the friendly cooperation with the MPS.',
        null,
      ),
      p(
        'noted that the MPS was fulfilling their duty faithfully to defend the rule by law, protect the citizens from crimes, and cope with emerging challenges and threats.',
        0,
        { public_security: 'protect the citizens from crimes' },
      ),
      p(
        'Popov hoped that China and Russia would maintain intensive dialogues on the broad issues of common concerns.',
        0,
      ),
    ],
  },
  {
    id: 'usa-drug-enforcement-administration',
    kind: 'country',
    iso3: 'USA',
    name: 'United States',
    body: 'Drug Enforcement Administration',
    body_zh: '缉毒局',
    officials: [
      // Head of the DEA's foreign operations, not of the agency: senior_officer.
      {
        name: 'Matthew G. Donahue',
        title: 'Chief of Foreign Operations of U.S. Drug Enforcement Administration (DEA)',
        level: 'senior_officer',
      },
    ],
    statements: [
      p(
        'sent a congratulatory letter to MPS and noted that law enforcement cooperation between China and the U.S. was a vital necessity.',
        0,
      ),
      // "jointly combat" is joint work in general, not joint operations on the ground: no joint_patrols.
      q(
        'The DEA and MPS have increased cooperative efforts during the past few years, which has resulted in several positive investigative outcomes, productive high-level delegation visits, and successful chemist expert exchanges. The DEA is hopeful that the MPS will continue to build on that cooperative spirit to jointly combat transnational criminal organizations and precursor chemical diversion in the coming months and years',
        0,
        {
          drug_control: 'precursor chemical diversion',
          transnational_crime: 'transnational criminal organizations',
          capacity_building: 'high-level delegation visits',
        },
      ),
    ],
  },
];

// ---------------------------------------------------------------------------

function fail(message: string): never {
  throw new Error(`build-dataset: ${message}`);
}

function build(article: string): Dataset {
  const inputs = [...bodies, ...listed, ...appended];
  const spans: { start: number; end: number; owner: string }[] = [];

  const senders = inputs.map((input) => {
    for (const official of input.officials) {
      if (!article.includes(official.name)) fail(`${input.id}: official name "${official.name}" not in the article`);
      if (!article.includes(official.title)) fail(`${input.id}: title "${official.title}" not in the article`);
      if (official.rank && !article.includes(`${official.rank} ${official.name}`)) {
        fail(`${input.id}: "${official.rank} ${official.name}" not in the article`);
      }
    }
    if (input.body === null && (input.officials.length > 0 || input.statements.length > 0)) {
      fail(`${input.id}: a sender without a body should be list-only`);
    }

    const statements = input.statements.map((st) => {
      const offset = article.indexOf(st.text);
      if (offset < 0) fail(`${input.id}: statement not in the article: "${st.text.slice(0, 60)}…"`);
      if (article.lastIndexOf(st.text) !== offset) fail(`${input.id}: statement occurs more than once`);
      if (st.text !== st.text.trim()) fail(`${input.id}: statement has surrounding whitespace`);
      const end = offset + st.text.length;
      if (st.kind === 'quote') {
        const before = article[offset - 1];
        const after = article[end];
        const pair = (before === '“' && after === '”') || (before === '"' && after === '"');
        if (!pair) fail(`${input.id}: quote is not enclosed by a pair of quotation marks: "${st.text.slice(0, 40)}…"`);
      }
      for (const other of spans) {
        if (offset < other.end && other.start < end) fail(`${input.id}: statement overlaps one of ${other.owner}`);
      }
      spans.push({ start: offset, end, owner: input.id });
      if (st.official !== null && st.official >= input.officials.length) fail(`${input.id}: bad official index`);

      const codes = Object.entries(st.themes ?? {}) as [ThemeId, string][];
      const statementThemes = THEME_ORDER.flatMap((id) => {
        const evidence = codes.find(([code]) => code === id)?.[1];
        if (evidence === undefined) return [];
        if (!st.text.includes(evidence)) fail(`${input.id}: evidence "${evidence}" not in its statement`);
        return [{ id, evidence }];
      });
      return { kind: st.kind, text: st.text, offset, official: st.official, themes: statementThemes };
    });

    const senderThemes = unionThemes(statements, THEME_ORDER);
    return {
      id: input.id,
      kind: input.kind,
      iso3: input.iso3,
      name: input.name,
      ...(input.name_zh ? { name_zh: input.name_zh } : {}),
      body: input.body,
      ...(input.body_zh ? { body_zh: input.body_zh } : {}),
      ...(input.location ? { location: input.location } : {}),
      officials: input.officials.map((o) => ({
        name: o.name,
        ...(o.rank ? { rank: o.rank } : {}),
        title: o.title,
        level: o.level,
      })),
      statements,
      themes: senderThemes,
      primaryTheme: senderThemes[0] ?? null,
    };
  });

  for (const official of inputs.flatMap((s) => s.officials.map((_, i) => ({ s, i })))) {
    if (!official.s.statements.some((st) => st.official === official.i)) {
      fail(`${official.s.id}: official ${official.i} has no statement`);
    }
  }

  return {
    schemaVersion: 1,
    title: "Congratulations from abroad on the first Chinese People's Police Day",
    title_zh: '首个中国人民警察节国际贺信',
    date: '2021-01-10',
    source: {
      title: 'Source text as supplied (untitled English news report)',
      title_zh: '所提供的原文（无标题的英文新闻报道）',
      file: 'source/article.txt',
    },
    recipient: {
      name: "Ministry of Public Security of the People's Republic of China",
      name_zh: '中华人民共和国公安部',
      iso3: 'CHN',
      location: [116.4, 39.9],
    },
    themes: themes.map((t) => ({ ...t })),
    senders,
  };
}

function main(): void {
  const article = readFileSync(ARTICLE_PATH, 'utf8');
  if (!readFileSync(SHIPPED_ARTICLE).equals(readFileSync(ARTICLE_PATH))) {
    fail(`${SHIPPED_ARTICLE} differs from ${ARTICLE_PATH}`);
  }
  const dataset = build(article);
  const parsed = parseDataset(dataset);
  if (!parsed.ok) fail(`invalid dataset:\n${parsed.problems.map(formatProblem).join('\n')}`);
  const problems = checkAgainstSource(parsed.dataset, article);
  if (problems.length > 0) fail(`dataset does not match the source:\n${problems.map(formatProblem).join('\n')}`);

  mkdirSync(dirname(OUT), { recursive: true });
  // The checked form (trimmed, nothing the format lacks): the build uses these bytes unchecked (scripts/check-prepared-files.ts).
  writeFileSync(OUT, `${JSON.stringify(parsed.dataset, null, 2)}\n`);
  const withStatements = dataset.senders.filter((s) => s.statements.length > 0);
  const statements = dataset.senders.flatMap((s) => s.statements);
  console.log(
    `wrote ${OUT}: ${dataset.senders.length} senders (${withStatements.length} bodies with statements, ` +
      `${dataset.senders.length - withStatements.length} listed), ` +
      `${statements.filter((s) => s.kind === 'quote').length} quotes, ` +
      `${statements.filter((s) => s.kind === 'paraphrase').length} paraphrases`,
  );
}

main();
